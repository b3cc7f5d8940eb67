// books::PdfAssemblerPort over the print module. The pipeline stores the title and the page
// texts; the rest of the book's words (dedication, ending, back-cover blurb, age band, where
// each text panel goes) are written again by the story writer from the same child, theme and
// seed, which gives the same words (the template writer is deterministic). The print files are
// two PDFs, as print partners take them: the interior and the cover wrap, whose front picture
// is drawn here (cover brief, the child's look and face) at print resolution.
#pragma once

#include <memory>

#include "app/pipeline/book_art.hpp"
#include "books/ports.hpp"
#include "story/writer.hpp"

namespace storyloom::app {

class PrintPdfPort final : public books::PdfAssemblerPort {
 public:
  PrintPdfPort(std::shared_ptr<const catalog::Catalog> catalog, std::shared_ptr<const story::Writer> writer, BookArt& art)
      : catalog_(std::move(catalog)), writer_(std::move(writer)), art_(art) {}

  // Title page, the document's pages (watermarked previews) and the later pages locked.
  core::Result<std::string> assemble_preview(const books::BookDocument& doc) override;
  core::Result<books::PrintFiles> assemble_print(const books::BookDocument& doc) override;

 private:
  core::Result<story::Story> story_of(const books::BookDocument& doc) const;
  core::Result<print::PageImage> cover_art(const books::BookDocument& doc, const story::Story& story);

  std::shared_ptr<const catalog::Catalog> catalog_;
  std::shared_ptr<const story::Writer> writer_;
  BookArt& art_;
};

}  // namespace storyloom::app
