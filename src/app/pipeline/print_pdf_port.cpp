#include "app/pipeline/print_pdf_port.hpp"

#include <fmt/format.h>

#include "app/pipeline/child_snapshot.hpp"
#include "core/log.hpp"
#include "print/book_steps.hpp"

namespace storyloom::app {
namespace {

// The document's pictures, handed to the PDF writer one at a time.
print::PageArtSource pages_of(const books::BookDocument& doc) {
  return [&doc](int number) -> core::Result<print::PageImage> {
    for (const auto& page : doc.pages)
      if (page.number == number) return print::PageImage{print::EncodedImage{page.png}};
    return core::fail(core::ErrorKind::internal, "page_art_missing", fmt::format("The book has no picture for page {}.", number));
  };
}

int last_page(const books::BookDocument& doc) {
  int last = 0;
  for (const auto& page : doc.pages) last = std::max(last, page.number);
  return last;
}

}  // namespace

core::Result<story::Story> PrintPdfPort::story_of(const books::BookDocument& doc) const {
  auto request = story_request_for(doc.child, doc.theme, doc.seed);
  if (!request) return std::unexpected(request.error());
  auto story = writer_->write(*request);
  if (!story) return std::unexpected(story.error());
  // What the parent saw wins over what the writer says today.
  if (!doc.title.empty()) story->title = doc.title;
  for (const auto& page : doc.pages)
    if (page.number >= 1 && page.number <= static_cast<int>(story->pages.size()))
      story->pages[static_cast<std::size_t>(page.number - 1)].text = page.text;
  return story;
}

core::Result<std::string> PrintPdfPort::assemble_preview(const books::BookDocument& doc) {
  auto story = story_of(doc);
  if (!story) return std::unexpected(story.error());
  auto design = print::make_design(*catalog_, *story, doc.child.value("name", ""));
  if (!design) return std::unexpected(design.error());
  auto pdf = print::assemble_preview(*story, *design, pages_of(doc), last_page(doc));
  if (!pdf) return std::unexpected(pdf.error());
  return std::move(pdf->bytes);
}

core::Result<print::PageImage> PrintPdfPort::cover_art(const books::BookDocument& doc, const story::Story& story) {
  const auto look = art_.look_for(doc.child, doc.photo_id);
  auto base = art_.draw(story.cover_brief, look, print::cover_art_size(art_.spec()),
                        print::page_seed(static_cast<std::uint64_t>(doc.seed), 0));
  if (!base) return std::unexpected(base.error());
  if (auto placed = art_.put_child_in(*base, doc.style, doc.photo_id); !placed) {
    core::log_warn("cover_personalize_fell_back", {{"book_id", doc.book_id}, {"reason", placed.error().message}});
  }
  return print::PageImage{std::move(base->image)};
}

core::Result<books::PrintFiles> PrintPdfPort::assemble_print(const books::BookDocument& doc) {
  auto story = story_of(doc);
  if (!story) return std::unexpected(story.error());
  auto design = print::make_design(*catalog_, *story, doc.child.value("name", ""));
  if (!design) return std::unexpected(design.error());
  auto interior = print::assemble_interior(*story, *design, pages_of(doc));
  if (!interior) return std::unexpected(interior.error());
  auto front = cover_art(doc, *story);
  if (!front) return std::unexpected(front.error());
  auto cover = print::assemble_cover(*story, *design, *front, interior->page_count);
  if (!cover) return std::unexpected(cover.error());
  return books::PrintFiles{std::move(interior->bytes), std::move(cover->pdf.bytes)};
}

}  // namespace storyloom::app
