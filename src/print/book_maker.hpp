// Makes one whole book in process: story, every picture (two at a time), then the interior,
// cover and preview PDFs. Used by `storyloom book`; the jobs pipeline runs the same steps
// (write_story, render_page, assemble_*) as separate durable jobs instead.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "catalog/catalog.hpp"
#include "print/book_steps.hpp"

namespace storyloom::print {

struct BookOrder {
  story::StoryRequest story;
  core::HeroLook look;
  bool cover = true;
  bool preview = true;
  int free_preview_pages = 5;
};

struct BookProgress {
  std::string step;  // "Writing the story", "Drawing pictures", "Making the print PDF", ...
  int pictures_done = 0;
  int pictures_total = 0;
};

struct MadeBook {
  story::Story story;
  PdfFile interior;
  std::optional<CoverPdf> cover;
  std::optional<PdfFile> preview;
  int personalized_pictures = 0;
  std::vector<std::string> personalize_fallbacks;  // "page 3: <error code>"
  double seconds_to_first_preview_picture = 0;
  double seconds_total = 0;
};

class BookMaker {
 public:
  // `threads` pictures are drawn at once (the machine's cores; 2 on the reference box).
  BookMaker(std::shared_ptr<const catalog::Catalog> catalog, const story::Writer& writer, ArtSteps art, int threads = 2);

  // progress is called from worker threads, one call at a time.
  core::Result<MadeBook> make(const BookOrder& order, const std::function<void(const BookProgress&)>& progress) const;

 private:
  std::shared_ptr<const catalog::Catalog> catalog_;
  const story::Writer& writer_;
  ArtSteps art_;
  int threads_;
};

}  // namespace storyloom::print
