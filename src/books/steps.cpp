#include "books/steps.hpp"

#include <fmt/format.h>

#include "books/book_store.hpp"

namespace storyloom::books::steps {
namespace {

// The pipeline's steps in the order they run.
int step_index(std::string_view kind) {
  constexpr std::string_view order[] = {kWriteStory,       kIllustratePage,   kPersonalizePage, kAssemblePreview,
                                        kRenderFinalPages, kAssemblePrintPdf, kDeliver};
  for (int i = 0; i < static_cast<int>(std::size(order)); ++i)
    if (order[i] == kind) return i;
  return 0;
}

// Within a book the queue claims later steps first, then earlier pages: a drawn page is
// personalized (and shown) before the next page is drawn, and pages come in page order.
int priority_of(std::string_view kind, int page = 0) { return step_index(kind) * 1000 + (999 - page); }

// Books are served first come, first served: a book's steps carry the time it was asked for (its
// creation, or its payment for the finishing steps), so older books are finished first.
std::int64_t asked_at_ms(std::string_view kind, const Book& book) {
  const bool finishing = step_index(kind) >= step_index(kRenderFinalPages);
  return 1000 * (finishing && book.paid_at ? *book.paid_at : book.created_at);
}

jobs::NewJob book_job(std::string_view kind, const Book& book, int page, nlohmann::json payload,
                      std::string dedupe_key) {
  return {.kind = std::string(kind),
          .payload = std::move(payload),
          .dedupe_key = std::move(dedupe_key),
          .subject_id = book.id,
          .asked_at_ms = asked_at_ms(kind, book),
          .priority = priority_of(kind, page)};
}

}  // namespace

core::Result<bool> enqueue_book_step(jobs::Queue& queue, sql::Connection& conn, std::string_view kind,
                                     const Book& book) {
  // assemble_preview runs again after each page regeneration, so its key counts them.
  const auto key = kind == kAssemblePreview
                       ? fmt::format("{}:{}:r{}:g{}", kind, book.id, book.run, book.regenerations_used)
                       : fmt::format("{}:{}:r{}", kind, book.id, book.run);
  return queue.enqueue(conn, book_job(kind, book, 0, {{"book_id", book.id}, {"run", book.run}}, key));
}

core::Result<bool> enqueue_page_step(jobs::Queue& queue, sql::Connection& conn, std::string_view kind,
                                     const Book& book, const Page& page) {
  return queue.enqueue(
      conn, book_job(kind, book, page.number,
                     {{"book_id", book.id}, {"run", book.run}, {"page", page.number}, {"g", page.regenerations}},
                     fmt::format("{}:{}:r{}:p{}:g{}", kind, book.id, book.run, page.number, page.regenerations)));
}

core::Result<void> continue_pages(jobs::Queue& queue, sql::Connection& conn, const Book& book) {
  // Two last pages finishing at once: the lock makes the second one see the first one's page.
  if (auto locked = lock_book(conn, book.id); !locked) return locked;
  auto pages = load_pages(conn, book.id);
  if (!pages) return std::unexpected(pages.error());
  bool all_personalized = !pages->empty();
  for (const auto& page : *pages) {
    core::Result<bool> queued = false;
    if (page.state == PageState::written) queued = enqueue_page_step(queue, conn, kIllustratePage, book, page);
    if (page.state == PageState::illustrated) queued = enqueue_page_step(queue, conn, kPersonalizePage, book, page);
    if (!queued) return std::unexpected(queued.error());
    all_personalized = all_personalized && page.state == PageState::personalized;
  }
  if (all_personalized)
    if (auto q = enqueue_book_step(queue, conn, kAssemblePreview, book); !q) return std::unexpected(q.error());
  return {};
}

namespace {
std::string page_key(const Book& book, const Page& page, std::string_view what) {
  return fmt::format("{}pages/{:02}-g{}-{}.png", book_prefix(book.id), page.number, page.regenerations, what);
}
}  // namespace

std::string base_image_key(const Book& book, const Page& page) { return page_key(book, page, "base"); }
std::string personalized_image_key(const Book& book, const Page& page) { return page_key(book, page, "personal"); }
std::string preview_image_key(const Book& book, const Page& page) { return page_key(book, page, "preview"); }
std::string final_image_key(const Book& book, const Page& page) {
  return fmt::format("{}final/{:02}-g{}.png", book_prefix(book.id), page.number, page.regenerations);
}
std::string preview_pdf_key(const Book& book) {
  return fmt::format("{}preview-g{}.pdf", book_prefix(book.id), book.regenerations_used);
}
std::string print_pdf_key(const Book& book) { return fmt::format("{}book.pdf", book_prefix(book.id)); }
std::string cover_pdf_key(const Book& book) { return fmt::format("{}cover.pdf", book_prefix(book.id)); }

}  // namespace storyloom::books::steps
