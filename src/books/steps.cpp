#include "books/steps.hpp"

#include <fmt/format.h>

#include "books/book_store.hpp"

namespace storyloom::books::steps {

core::Result<bool> enqueue_book_step(jobs::Queue& queue, sql::Connection& conn, std::string_view kind,
                                     const Book& book) {
  // assemble_preview runs again after each page regeneration, so its key counts them.
  const auto key = kind == kAssemblePreview
                       ? fmt::format("{}:{}:r{}:g{}", kind, book.id, book.run, book.regenerations_used)
                       : fmt::format("{}:{}:r{}", kind, book.id, book.run);
  return queue.enqueue(conn, {.kind = std::string(kind),
                              .payload = {{"book_id", book.id}, {"run", book.run}},
                              .dedupe_key = key,
                              .subject_id = book.id});
}

core::Result<bool> enqueue_page_step(jobs::Queue& queue, sql::Connection& conn, std::string_view kind,
                                     const Book& book, const Page& page) {
  return queue.enqueue(
      conn, {.kind = std::string(kind),
             .payload = {{"book_id", book.id}, {"run", book.run}, {"page", page.number}, {"g", page.regenerations}},
             .dedupe_key = fmt::format("{}:{}:r{}:p{}:g{}", kind, book.id, book.run, page.number, page.regenerations),
             .subject_id = book.id});
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
