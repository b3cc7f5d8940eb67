#include "print/book_maker.hpp"

#include <atomic>
#include <mutex>
#include <thread>

#include <fmt/format.h>

namespace storyloom::print {

namespace {

using Clock = std::chrono::steady_clock;

struct PictureTask {
  ArtUse use;
  int page;  // 1..10, 0 for the cover
  const core::IllustrationBrief* brief;
};

// Previews first so a parent sees something soonest, then print pages, then the cover.
std::vector<PictureTask> plan_pictures(const story::Story& s, const BookOrder& order) {
  std::vector<PictureTask> tasks;
  if (order.preview)
    for (const auto& p : s.pages)
      if (p.number <= order.free_preview_pages) tasks.push_back({ArtUse::preview_page, p.number, &p.brief});
  for (const auto& p : s.pages) tasks.push_back({ArtUse::print_page, p.number, &p.brief});
  if (order.cover) tasks.push_back({ArtUse::cover, 0, &s.cover_brief});
  return tasks;
}

// Progress callbacks from any thread, one at a time, with the time since the book started.
class Reporter {
 public:
  explicit Reporter(const std::function<void(const BookProgress&)>& fn) : fn_(fn), start_(Clock::now()) {}
  void operator()(const BookProgress& p) {
    std::lock_guard lock(mutex_);
    if (fn_) fn_(p);
  }
  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  const std::function<void(const BookProgress&)>& fn_;
  Clock::time_point start_;
  std::mutex mutex_;
};

struct Pictures {
  std::vector<PictureTask> tasks;
  std::vector<std::optional<RenderedArt>> art;  // parallel to tasks
  std::optional<core::Error> error;
  double first_preview_s = 0;

  // Hands a picture's JPEG to the PDF writer and forgets it.
  PageArtSource take(ArtUse use) {
    return [this, use](int page) -> core::Result<PageImage> {
      for (std::size_t i = 0; i < tasks.size(); ++i)
        if (tasks[i].use == use && tasks[i].page == page && art[i]) {
          PageImage image = std::move(art[i]->image);
          art[i].reset();
          return image;
        }
      return core::fail(core::ErrorKind::internal, "page_art_missing", fmt::format("no art for page {}", page));
    };
  }
};

// Draws every picture, `threads` at a time; stops at the first failure.
void draw_pictures(const ArtSteps& art_steps, const BookOrder& order, const BookDesign& design, int threads,
                   Reporter& report, Pictures& out) {
  out.art.resize(out.tasks.size());
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  const int total = static_cast<int>(out.tasks.size());
  report({"Drawing pictures", 0, total});
  auto worker = [&] {
    for (std::size_t i = next++; i < out.tasks.size() && !failed; i = next++) {
      const auto& t = out.tasks[i];
      auto art = render_page(art_steps, *t.brief, order.look, design.spec, t.use, page_seed(order.story.seed, t.page));
      if (!art) {
        std::lock_guard lock(error_mutex);
        if (!failed.exchange(true)) out.error = art.error();
        return;
      }
      out.art[i] = std::move(*art);
      if (t.use == ArtUse::preview_page && t.page == 1) out.first_preview_s = report.seconds();
      report({"Drawing pictures", static_cast<int>(++done), total});
    }
  };
  std::vector<std::jthread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back(worker);
}  // the jthreads join here

void record_personalization(const Pictures& pictures, MadeBook& book) {
  for (std::size_t i = 0; i < pictures.tasks.size(); ++i) {
    const auto& art = *pictures.art[i];
    book.personalized_pictures += art.personalized;
    if (!art.personalize_error.empty())
      book.personalize_fallbacks.push_back(fmt::format("page {}: {}", pictures.tasks[i].page, art.personalize_error));
  }
}

core::Result<void> assemble_pdfs(const story::Story& story, const BookDesign& design, const BookOrder& order,
                                 Pictures& pictures, Reporter& report, MadeBook& book) {
  if (order.preview) {
    report({"Making the preview PDF"});
    auto preview = assemble_preview(story, design, pictures.take(ArtUse::preview_page), order.free_preview_pages);
    if (!preview) return core::fail(preview.error());
    book.preview = std::move(*preview);
  }
  report({"Making the print PDF"});
  auto interior = assemble_interior(story, design, pictures.take(ArtUse::print_page));
  if (!interior) return core::fail(interior.error());
  book.interior = std::move(*interior);
  if (!order.cover) return {};
  report({"Making the cover"});
  auto front = pictures.take(ArtUse::cover)(0);
  if (!front) return core::fail(front.error());
  auto cover = assemble_cover(story, design, *front, book.interior.page_count);
  if (!cover) return core::fail(cover.error());
  book.cover = std::move(*cover);
  return {};
}

}  // namespace

BookMaker::BookMaker(std::shared_ptr<const catalog::Catalog> catalog, const story::Writer& writer, ArtSteps art,
                     int threads)
    : catalog_(std::move(catalog)), writer_(writer), art_(std::move(art)), threads_(std::max(1, threads)) {}

core::Result<MadeBook> BookMaker::make(const BookOrder& order,
                                       const std::function<void(const BookProgress&)>& progress) const {
  Reporter report(progress);
  report({"Writing the story"});
  auto story = write_story(*catalog_, writer_, order.story);
  if (!story) return core::fail(story.error());
  auto design = make_design(*catalog_, *story, order.story.child.name);
  if (!design) return core::fail(design.error());

  Pictures pictures{plan_pictures(*story, order)};
  draw_pictures(art_, order, *design, threads_, report, pictures);
  if (pictures.error) return core::fail(*pictures.error);

  MadeBook book;
  book.seconds_to_first_preview_picture = pictures.first_preview_s;
  record_personalization(pictures, book);
  if (auto ok = assemble_pdfs(*story, *design, order, pictures, report, book); !ok) return core::fail(ok.error());
  book.story = std::move(*story);
  book.seconds_total = report.seconds();
  return book;
}

}  // namespace storyloom::print
