#include "books/progress.hpp"

#include <cmath>

#include <fmt/format.h>

#include "books/book_store.hpp"
#include "books/steps.hpp"
#include "jobs/generation_log.hpp"

namespace storyloom::books {
namespace {

using core::BookStatus;

struct Counts {
  int total = 0, illustrated = 0, personalized = 0, finals = 0;
  int first_unillustrated = 0;
  bool story_done = false;
};

Counts count_pages(const std::vector<Page>& pages, const BookRules& rules) {
  Counts c;
  c.story_done = !pages.empty();
  c.total = pages.empty() ? rules.expected_pages : static_cast<int>(pages.size());
  for (const auto& p : pages) {
    if (p.state != PageState::written) ++c.illustrated;
    else if (c.first_unillustrated == 0) c.first_unillustrated = p.number;
    if (p.state == PageState::personalized) ++c.personalized;
    if (!p.final_image_key.empty()) ++c.finals;
  }
  return c;
}

// Remaining work times recent mean durations; page steps run side by side on the workers.
core::Result<std::optional<int>> estimate(sql::Connection& conn, const Counts& c, const BookRules& rules) {
  const std::pair<std::string_view, int> remaining[] = {
      {steps::kWriteStory, c.story_done ? 0 : 1},
      {steps::kIllustratePage, c.total - c.illustrated},
      {steps::kPersonalizePage, c.total - c.personalized},
      {steps::kAssemblePreview, 1},
  };
  double ms = 0;
  for (const auto& [step, units] : remaining) {
    if (units == 0) continue;
    auto mean = jobs::mean_step_duration_ms(conn, step);
    if (!mean) return std::unexpected(mean.error());
    if (!mean->has_value()) return std::optional<int>{};
    const bool per_page = step == steps::kIllustratePage || step == steps::kPersonalizePage;
    ms += **mean * units / (per_page ? std::max(1, rules.parallel_workers) : 1);
  }
  return std::optional<int>{static_cast<int>(std::ceil(ms / 1000.0))};
}

Progress generating(const Book& book, const Counts& c) {
  Progress p{.pages_completed = c.personalized, .pages_total = c.total};
  const int units = 2 * c.total + 2;
  const int done = (c.story_done ? 1 : 0) + c.illustrated + c.personalized;
  p.percent = std::min(99, done * 100 / units);
  const auto name = book.child.value("name", std::string("your child"));
  if (!c.story_done) p.current_step = fmt::format("Writing {}'s story", name);
  else if (c.illustrated < c.total) p.current_step = fmt::format("Illustrating page {} of {}", c.first_unillustrated, c.total);
  else if (c.personalized < c.total) p.current_step = fmt::format("Putting {} into the pictures", name);
  else p.current_step = "Putting the preview together";
  return p;
}

Progress finalizing(const Counts& c, const Book& book) {
  Progress p{.pages_completed = c.finals, .pages_total = c.total};
  const int done = c.finals + (book.print_pdf_key.empty() ? 0 : 1);
  p.percent = std::min(99, done * 100 / (c.total + 2));
  if (c.finals < c.total) p.current_step = fmt::format("Preparing full-size page {} of {}", c.finals + 1, c.total);
  else if (book.print_pdf_key.empty()) p.current_step = "Binding the book";
  else p.current_step = "Delivering the book";
  return p;
}

Progress settled(int percent, std::string words, const Counts& c, int completed) {
  return Progress{.percent = percent, .current_step = std::move(words), .pages_completed = completed,
                  .pages_total = c.total};
}

}  // namespace

core::Result<Progress> book_progress(sql::Connection& conn, const Book& book, const BookRules& rules) {
  auto pages = load_pages(conn, book.id);
  if (!pages) return std::unexpected(pages.error());
  const Counts c = count_pages(*pages, rules);
  switch (book.status) {
    case BookStatus::draft: return settled(0, "Waiting to start", c, 0);
    case BookStatus::generating: {
      Progress p = generating(book, c);
      auto eta = estimate(conn, c, rules);
      if (!eta) return std::unexpected(eta.error());
      p.eta_seconds = *eta;
      return p;
    }
    case BookStatus::preview_ready:
    case BookStatus::payment_pending: return settled(100, "Your preview is ready", c, c.personalized);
    case BookStatus::paid:
    case BookStatus::finalizing: return finalizing(c, book);
    case BookStatus::ready:
    case BookStatus::printing:
    case BookStatus::shipped:
    case BookStatus::delivered: return settled(100, "Your book is ready", c, c.total);
    case BookStatus::failed: {
      Progress p = book.paid_at ? finalizing(c, book) : generating(book, c);
      p.current_step = "Something went wrong";
      return p;
    }
    case BookStatus::expired: return settled(0, "This preview has expired", c, 0);
    case BookStatus::refunded: return settled(0, "This book was refunded", c, 0);
    case BookStatus::cancelled: return settled(0, "This book was cancelled", c, 0);
  }
  return settled(0, "", c, 0);
}

nlohmann::json to_json(const Progress& p) {
  return {{"percent", p.percent},
          {"current_step", p.current_step},
          {"pages_completed", p.pages_completed},
          {"pages_total", p.pages_total},
          {"eta_seconds", p.eta_seconds ? nlohmann::json(*p.eta_seconds) : nlohmann::json(nullptr)}};
}

}  // namespace storyloom::books
