// The book pipeline's adapters for `serve` and `worker`, built once from the loaded catalog:
// the template writer, the vector illustrator, the face cache, and one adapter per port in
// books/ports.hpp. ports() hands them to build_generation; photos and delivery belong to other
// modules and are left for the caller to set on the result.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/pipeline/book_art.hpp"
#include "app/pipeline/credit_ledger_port.hpp"
#include "app/pipeline/face_personalizer_port.hpp"
#include "app/pipeline/page_art_port.hpp"
#include "app/pipeline/photo_faces.hpp"
#include "app/pipeline/print_pdf_port.hpp"
#include "app/pipeline/template_story_port.hpp"
#include "app/pipeline/vector_illustrator_port.hpp"
#include "blob/store.hpp"
#include "books/book_service.hpp"
#include "books/pipeline.hpp"
#include "core/clock.hpp"

namespace storyloom::app {

struct PipelineOptions {
  std::string shop_name = "Storyloom";  // in the preview watermark
  bool sells_credits = false;           // a book then uses one credit (guests: their free previews)
};

struct PipelineServices {
  std::shared_ptr<const catalog::Catalog> catalog;
  std::shared_ptr<const story::Writer> writer;
  std::unique_ptr<PhotoFaces> faces;
  std::unique_ptr<BookArt> art;
  std::unique_ptr<TemplateStoryPort> story;
  std::unique_ptr<VectorIllustratorPort> illustrator;
  std::unique_ptr<FacePersonalizerPort> personalizer;
  std::unique_ptr<PreviewAndPrintArtPort> page_art;
  std::unique_ptr<PrintPdfPort> pdf;
  std::unique_ptr<AccountsCreditPort> credits;  // null unless the shop sells credits

  // Borrowed pointers to the adapters above; photos and delivery are null.
  books::PipelinePorts ports() const;
  // For the book routes: check_new_book against this catalog and writer.
  std::function<core::Result<void>(const books::NewBook&)> book_check() const;
};

// Errors: catalog_invalid from the template writer, art_kit_invalid from the illustrator's kits.
// Cheap enough for start-up (~0.1 s): the face model loads on the first photo, not here.
core::Result<std::unique_ptr<PipelineServices>> build_pipeline_services(std::shared_ptr<const catalog::Catalog> catalog,
                                                                        blob::Store& blobs, const core::Clock& clock,
                                                                        const PipelineOptions& options);

}  // namespace storyloom::app
