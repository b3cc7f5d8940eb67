// After payment: render_final_pages (full resolution, no watermark) → assemble_print_pdf →
// deliver. The book is finalizing throughout and ready at the end; the original photo is then
// released (deleted) because the book no longer needs it.
#include <fmt/format.h>

#include "books/book_store.hpp"
#include "books/pipeline.hpp"
#include "books/step_support.hpp"
#include "books/steps.hpp"
#include "core/log.hpp"

namespace storyloom::books {

namespace {

core::Result<std::pair<Book, std::vector<Page>>> load_for_final(jobs::JobContext& ctx, const nlohmann::json& payload,
                                                                std::initializer_list<core::BookStatus> statuses,
                                                                bool& stale) {
  auto conn = ctx.db.acquire();
  if (!conn) return std::unexpected(conn.error());
  auto book = detail::book_for_step(**conn, payload, statuses);
  if (!book) return std::unexpected(book.error());
  stale = !book->has_value();
  if (stale) return std::pair<Book, std::vector<Page>>{};
  auto pages = load_pages(**conn, (*book)->id);
  if (!pages) return std::unexpected(pages.error());
  return std::pair{std::move(**book), std::move(*pages)};
}

core::Result<void> enqueue_next(jobs::JobContext& ctx, std::string_view kind, const Book& book) {
  return detail::in_transaction(ctx.db, [&](sql::Connection& conn) -> core::Result<void> {
    if (auto q = steps::enqueue_book_step(ctx.queue, conn, kind, book); !q) return std::unexpected(q.error());
    return {};
  });
}

}  // namespace

core::Result<void> Pipeline::render_final_pages(const nlohmann::json& payload, jobs::JobContext& ctx) {
  bool stale = false;
  auto loaded = load_for_final(ctx, payload, {core::BookStatus::paid, core::BookStatus::finalizing}, stale);
  if (!loaded) return std::unexpected(loaded.error());
  if (stale) return {};
  auto& [book, pages] = *loaded;
  if (book.status == core::BookStatus::paid) {
    auto moved = detail::in_transaction(ctx.db, [&](sql::Connection& conn) {
      return change_status(conn, ctx.clock, book.id, core::BookStatus::paid, core::BookStatus::finalizing);
    });
    if (!moved) return moved;
  }
  for (const auto& page : pages) {
    if (!page.final_image_key.empty()) continue;
    if (ctx.should_stop()) return core::fail(core::ErrorKind::unavailable, jobs::kJobInterrupted, "Stopping.");
    auto personalized = ctx.blobs.get(page.personalized_image_key);
    if (!personalized) return std::unexpected(personalized.error());
    detail::StepTimer timer;
    auto art = ports_.page_art->render_final(*personalized, page.brief, book.style);
    if (!art) return std::unexpected(art.error());
    const auto key = steps::final_image_key(book, page);
    if (auto put = ctx.blobs.put(key, art->png); !put) return put;
    auto recorded = detail::in_transaction(ctx.db, [&](sql::Connection& conn) -> core::Result<void> {
      auto n = conn.execute(
          "UPDATE book_pages SET final_image_key = $1, updated_at = $2 WHERE book_id = $3 AND number = $4 AND "
          "final_image_key IS NULL",
          {key, ctx.clock.unix_seconds(), book.id, std::int64_t{page.number}});
      if (!n) return std::unexpected(n.error());
      if (*n == 0) return {};
      auto entry = detail::log_entry(ctx, page.number, timer);
      entry.provider = art->provider;
      entry.version = art->version;
      entry.parameters = art->parameters;
      return jobs::record_generation(conn, ctx.clock, entry);
    });
    if (!recorded) return recorded;
  }
  return enqueue_next(ctx, steps::kAssemblePrintPdf, book);
}

core::Result<void> Pipeline::assemble_print_pdf(const nlohmann::json& payload, jobs::JobContext& ctx) {
  bool stale = false;
  auto loaded = load_for_final(ctx, payload, {core::BookStatus::finalizing}, stale);
  if (!loaded) return std::unexpected(loaded.error());
  if (stale) return {};
  auto& [book, pages] = *loaded;
  if (!book.print_pdf_key.empty()) return enqueue_next(ctx, steps::kDeliver, book);
  BookDocument doc = detail::book_document(book);
  for (const auto& page : pages) {
    if (page.final_image_key.empty())
      return core::fail(core::ErrorKind::internal, "book_pages_not_final", "A page has no final image yet.");
    auto png = ctx.blobs.get(page.final_image_key);
    if (!png) return std::unexpected(png.error());
    doc.pages.push_back({page.number, page.text, std::move(*png)});
  }
  detail::StepTimer timer;
  auto pdf = ports_.pdf->assemble_print(doc);
  if (!pdf) return std::unexpected(pdf.error());
  // The cover first: once print_pdf_key is recorded, both files are there.
  if (!pdf->cover.empty())
    if (auto put = ctx.blobs.put(steps::cover_pdf_key(book), pdf->cover); !put) return put;
  const auto key = steps::print_pdf_key(book);
  if (auto put = ctx.blobs.put(key, pdf->interior); !put) return put;
  return detail::in_transaction(ctx.db, [&](sql::Connection& conn) -> core::Result<void> {
    auto n = conn.execute("UPDATE books SET print_pdf_key = $1, updated_at = $2 WHERE id = $3",
                          {key, ctx.clock.unix_seconds(), book.id});
    if (!n) return std::unexpected(n.error());
    auto entry = detail::log_entry(ctx, std::nullopt, timer);
    entry.parameters = {{"pages", doc.pages.size()}, {"bytes", pdf->interior.size()},
                        {"cover_bytes", pdf->cover.size()}};
    if (auto logged = jobs::record_generation(conn, ctx.clock, entry); !logged) return logged;
    if (auto q = steps::enqueue_book_step(ctx.queue, conn, steps::kDeliver, book); !q)
      return std::unexpected(q.error());
    return {};
  });
}

core::Result<void> Pipeline::deliver(const nlohmann::json& payload, jobs::JobContext& ctx) {
  bool stale = false;
  auto loaded = load_for_final(ctx, payload, {core::BookStatus::finalizing}, stale);
  if (!loaded) return std::unexpected(loaded.error());
  if (stale) return {};
  const auto& book = loaded->first;
  detail::StepTimer timer;
  if (ports_.delivery)
    if (auto sent = ports_.delivery->deliver(book.id, book.owner_id, book.print_pdf_key); !sent) return sent;
  auto done = detail::in_transaction(ctx.db, [&](sql::Connection& conn) -> core::Result<void> {
    if (auto moved = change_status(conn, ctx.clock, book.id, core::BookStatus::finalizing, core::BookStatus::ready);
        !moved)
      return moved;
    auto entry = detail::log_entry(ctx, std::nullopt, timer);
    entry.provider = ports_.delivery ? "delivery" : "none";
    return jobs::record_generation(conn, ctx.clock, entry);
  });
  if (!done) return done;
  if (ports_.photos && !book.photo_id.empty() && !book.photo_released) {
    // Best effort here; the cleanup job releases any photo this misses.
    if (auto gone = ports_.photos->delete_photo(book.photo_id); !gone) {
      core::log_warn("photo_release_failed", {{"book_id", book.id}, {"error", gone.error().code}});
    } else if (auto conn = ctx.db.acquire(); conn) {
      if (auto n = (*conn)->execute("UPDATE books SET photo_released = 1 WHERE id = $1", {book.id}); !n)
        core::log_warn("photo_release_unrecorded", {{"book_id", book.id}});
    }
  }
  return {};
}

}  // namespace storyloom::books
