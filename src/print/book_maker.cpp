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

struct PictureResults {
  std::vector<std::optional<RenderedArt>> art;
  std::optional<core::Error> error;
  double first_preview_s = 0;
};

}  // namespace

BookMaker::BookMaker(std::shared_ptr<const catalog::Catalog> catalog, const story::Writer& writer, ArtSteps art,
                     int threads)
    : catalog_(std::move(catalog)), writer_(writer), art_(std::move(art)), threads_(std::max(1, threads)) {}

core::Result<MadeBook> BookMaker::make(const BookOrder& order,
                                       const std::function<void(const BookProgress&)>& progress) const {
  const auto start = Clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  std::mutex report_mutex;
  auto report = [&](BookProgress p) {
    std::lock_guard lock(report_mutex);
    if (progress) progress(p);
  };

  report({"Writing the story"});
  auto story = write_story(writer_, order.story);
  if (!story) return core::fail(story.error());
  auto design = make_design(*catalog_, *story, order.story.child.name);
  if (!design) return core::fail(design.error());

  const auto tasks = plan_pictures(*story, order);
  PictureResults results;
  results.art.resize(tasks.size());
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  report({"Drawing pictures", 0, static_cast<int>(tasks.size())});
  auto worker = [&] {
    for (std::size_t i = next++; i < tasks.size() && !failed; i = next++) {
      const auto& t = tasks[i];
      auto art = render_page(art_, *t.brief, order.look, design->spec, t.use, page_seed(order.story.seed, t.page));
      if (!art) {
        std::lock_guard lock(error_mutex);
        if (!failed.exchange(true)) results.error = art.error();
        return;
      }
      results.art[i] = std::move(*art);
      if (t.use == ArtUse::preview_page && t.page == 1) results.first_preview_s = seconds();
      report({"Drawing pictures", static_cast<int>(++done), static_cast<int>(tasks.size())});
    }
  };
  std::vector<std::jthread> pool;
  for (int i = 0; i < threads_; ++i) pool.emplace_back(worker);
  pool.clear();  // joins
  if (results.error) return core::fail(*results.error);

  MadeBook book;
  book.seconds_to_first_preview_picture = results.first_preview_s;
  auto find = [&](ArtUse use, int page) -> std::optional<RenderedArt>* {
    for (std::size_t i = 0; i < tasks.size(); ++i)
      if (tasks[i].use == use && tasks[i].page == page) return &results.art[i];
    return nullptr;
  };
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    book.personalized_pictures += results.art[i]->personalized;
    if (!results.art[i]->personalize_error.empty())
      book.personalize_fallbacks.push_back(fmt::format("page {}: {}", tasks[i].page, results.art[i]->personalize_error));
  }
  // Each page's JPEG is handed over and released as soon as it is in the PDF.
  auto take = [&](ArtUse use) {
    return [&, use](int page) -> core::Result<PageImage> {
      auto* slot = find(use, page);
      if (!slot || !*slot) return core::fail(core::ErrorKind::internal, "page_art_missing", fmt::format("no art for page {}", page));
      PageImage image = std::move((*slot)->image);
      slot->reset();
      return image;
    };
  };
  if (order.preview) {
    report({"Making the preview PDF"});
    auto preview = assemble_preview(*story, *design, take(ArtUse::preview_page), order.free_preview_pages);
    if (!preview) return core::fail(preview.error());
    book.preview = std::move(*preview);
  }
  report({"Making the print PDF"});
  auto interior = assemble_interior(*story, *design, take(ArtUse::print_page));
  if (!interior) return core::fail(interior.error());
  book.interior = std::move(*interior);
  if (order.cover) {
    report({"Making the cover"});
    auto front = take(ArtUse::cover)(0);
    if (!front) return core::fail(front.error());
    auto cover = assemble_cover(*story, *design, *front, book.interior.page_count);
    if (!cover) return core::fail(cover.error());
    book.cover = std::move(*cover);
  }
  book.story = std::move(*story);
  book.seconds_total = seconds();
  return book;
}

}  // namespace storyloom::print
