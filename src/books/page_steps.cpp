// illustrate_page and personalize_page: one page's picture, then the child's face on it.
// Each step does its (slow) provider call outside any transaction, writes the image blob, then
// records the key with an UPDATE guarded by the page's state and regeneration count, so a rerun
// or a stale job changes nothing. Preview (watermarked) images are made only for the preview
// pages; the other pages never get an image that a URL could reach before payment.
#include <fmt/format.h>

#include "books/book_store.hpp"
#include "books/pipeline.hpp"
#include "books/step_support.hpp"
#include "books/steps.hpp"

namespace storyloom::books {

namespace {

struct PageWork {
  Book book;
  Page page;
};

// The book and page a page step works on; nullopt when the job is stale.
core::Result<std::optional<PageWork>> page_for_step(jobs::JobContext& ctx, const nlohmann::json& payload) {
  auto conn = ctx.db.acquire();
  if (!conn) return std::unexpected(conn.error());
  auto book = detail::book_for_step(**conn, payload, {core::BookStatus::generating});
  if (!book) return std::unexpected(book.error());
  if (!book->has_value()) return std::optional<PageWork>{};
  auto page = find_page(**conn, (*book)->id, payload.value("page", 0));
  if (!page) return std::unexpected(page.error());
  if (!page->has_value() || (*page)->regenerations != payload.value("g", -1)) return std::optional<PageWork>{};
  return std::optional<PageWork>{PageWork{std::move(**book), std::move(**page)}};
}

// After the guarded update found nothing to change: if the book was deleted meanwhile, the blobs
// we just wrote must not linger. (If another run recorded the page, the keys are shared: keep them.)
core::Result<void> drop_if_orphaned(jobs::JobContext& ctx, sql::Connection& conn, const std::string& book_id,
                                    std::initializer_list<std::string> keys) {
  auto book = find_book(conn, book_id);
  if (!book) return std::unexpected(book.error());
  if (book->has_value()) return {};
  for (const auto& key : keys)
    if (!key.empty())
      if (auto r = ctx.blobs.remove(key); !r) return r;
  return {};
}

}  // namespace

core::Result<void> Pipeline::illustrate_page(const nlohmann::json& payload, jobs::JobContext& ctx) {
  auto work = page_for_step(ctx, payload);
  if (!work) return std::unexpected(work.error());
  if (!work->has_value()) return {};
  auto& [book, page] = **work;
  if (page.state != PageState::written)  // done by an earlier run: only make sure the chain goes on
    return detail::in_transaction(ctx.db, [&](sql::Connection& conn) { return steps::continue_pages(ctx.queue, conn, book); });

  detail::StepTimer timer;
  auto art = ports_.illustrator->illustrate({.book_id = book.id, .photo_id = book.photo_id, .page = page.number, .brief = page.brief,
                                             .child = book.child, .style = book.style,
                                             .seed = book.seed + page.regenerations});
  if (!art) return std::unexpected(art.error());
  const auto key = steps::base_image_key(book, page);
  if (auto put = ctx.blobs.put(key, art->png); !put) return put;
  return detail::in_transaction(ctx.db, [&](sql::Connection& conn) -> core::Result<void> {
    auto n = conn.execute(
        "UPDATE book_pages SET state = 'illustrated', base_image_key = $1, updated_at = $2 WHERE book_id = $3 "
        "AND number = $4 AND regenerations = $5 AND state = 'written'",
        {key, ctx.clock.unix_seconds(), book.id, std::int64_t{page.number}, std::int64_t{page.regenerations}});
    if (!n) return std::unexpected(n.error());
    if (*n == 0) return drop_if_orphaned(ctx, conn, book.id, {key});
    auto entry = detail::log_entry(ctx, page.number, timer);
    entry.provider = art->provider;
    entry.version = art->version.empty() ? std::to_string(page.brief.value("version", 1)) : art->version;
    entry.parameters = art->parameters;
    if (auto logged = jobs::record_generation(conn, ctx.clock, entry); !logged) return logged;
    page.state = PageState::illustrated;
    if (auto queued = steps::enqueue_page_step(ctx.queue, conn, steps::kPersonalizePage, book, page); !queued)
      return std::unexpected(queued.error());
    return {};
  });
}

core::Result<void> Pipeline::personalize_page(const nlohmann::json& payload, jobs::JobContext& ctx) {
  auto work = page_for_step(ctx, payload);
  if (!work) return std::unexpected(work.error());
  if (!work->has_value()) return {};
  auto& [book, page] = **work;
  if (page.state != PageState::illustrated)
    return detail::in_transaction(ctx.db, [&](sql::Connection& conn) { return steps::continue_pages(ctx.queue, conn, book); });

  auto base = ctx.blobs.get(page.base_image_key);
  if (!base) return std::unexpected(base.error());
  detail::StepTimer timer;
  auto art = ports_.personalizer->personalize({.book_id = book.id, .photo_id = book.photo_id, .page = page.number,
                                               .base_png = *base, .brief = page.brief, .style = book.style});
  // Falling back keeps the book going with the drawn hero; the page records that it did.
  const std::string& personalized = art ? art->png : *base;
  const auto key = steps::personalized_image_key(book, page);
  if (auto put = ctx.blobs.put(key, personalized); !put) return put;
  std::string preview_key;
  if (page.number <= rules_.preview_pages) {
    auto marked = ports_.page_art->watermark(personalized);
    if (!marked) return std::unexpected(marked.error());
    preview_key = steps::preview_image_key(book, page);
    if (auto put = ctx.blobs.put(preview_key, *marked); !put) return put;
  }
  return detail::in_transaction(ctx.db, [&](sql::Connection& conn) -> core::Result<void> {
    auto n = conn.execute(
        "UPDATE book_pages SET state = 'personalized', personalized_image_key = $1, preview_image_key = $2, "
        "fell_back = $3, fell_back_reason = $4, updated_at = $5 WHERE book_id = $6 AND number = $7 AND "
        "regenerations = $8 AND state = 'illustrated'",
        {key, preview_key.empty() ? sql::Value{nullptr} : sql::Value{preview_key}, std::int64_t{art ? 0 : 1},
         art ? sql::Value{nullptr} : sql::Value{art.error().message}, ctx.clock.unix_seconds(), book.id,
         std::int64_t{page.number}, std::int64_t{page.regenerations}});
    if (!n) return std::unexpected(n.error());
    if (*n == 0) return drop_if_orphaned(ctx, conn, book.id, {key, preview_key});
    auto entry = detail::log_entry(ctx, page.number, timer);
    entry.provider = art ? art->provider : "fallback-base-image";
    entry.version = art ? art->version : "";
    entry.parameters = art ? art->parameters : nlohmann::json::object();
    entry.outcome = art ? "succeeded" : "fell_back";
    if (!art) entry.error = art.error();
    if (auto logged = jobs::record_generation(conn, ctx.clock, entry); !logged) return logged;
    // The last page to finish enqueues assemble_preview (this transaction holds the write lock,
    // so two last pages cannot both miss each other).
    return steps::continue_pages(ctx.queue, conn, book);
  });
}

}  // namespace storyloom::books
