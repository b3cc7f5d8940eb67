#include "app/pipeline/pipeline_services.hpp"

#include "app/pipeline/book_request_check.hpp"
#include "art/vector_illustrator.hpp"
#include "story/template_writer.hpp"

namespace storyloom::app {

books::PipelinePorts PipelineServices::ports() const {
  return {.writer = story.get(), .illustrator = illustrator.get(), .personalizer = personalizer.get(),
          .page_art = page_art.get(), .pdf = pdf.get(), .credits = credits.get()};
}

std::function<core::Result<void>(const books::NewBook&)> PipelineServices::book_check() const {
  return [catalog = catalog, writer = writer](const books::NewBook& book) { return check_new_book(*catalog, *writer, book); };
}

core::Result<std::unique_ptr<PipelineServices>> build_pipeline_services(std::shared_ptr<const catalog::Catalog> catalog,
                                                                        blob::Store& blobs, const core::Clock& clock,
                                                                        const PipelineOptions& options) {
  auto writer = story::TemplateWriter::create(catalog);
  if (!writer) return std::unexpected(writer.error());
  auto illustrator = art::VectorIllustrator::load(catalog->dir / "art");
  if (!illustrator) return std::unexpected(illustrator.error());
  auto s = std::make_unique<PipelineServices>();
  s->catalog = catalog;
  s->writer = std::move(*writer);
  s->faces = std::make_unique<PhotoFaces>(blobs);
  s->art = std::make_unique<BookArt>(std::move(*illustrator), catalog, *s->faces, options.shop_name);
  s->story = std::make_unique<TemplateStoryPort>(catalog, s->writer);
  s->illustrator = std::make_unique<VectorIllustratorPort>(*s->art);
  s->personalizer = std::make_unique<FacePersonalizerPort>(*s->art);
  s->page_art = std::make_unique<PreviewAndPrintArtPort>(*s->art);
  s->pdf = std::make_unique<PrintPdfPort>(catalog, s->writer, *s->art);
  if (options.sells_credits) s->credits = std::make_unique<AccountsCreditPort>(clock);
  return s;
}

}  // namespace storyloom::app
