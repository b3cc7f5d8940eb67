// assemble_preview: once every page is personalized, builds the preview PDF from the preview
// pages' watermarked images and makes the book preview_ready, expiring after the preview TTL.
#include <fmt/format.h>

#include "books/book_store.hpp"
#include "books/pipeline.hpp"
#include "books/step_support.hpp"
#include "books/steps.hpp"

namespace storyloom::books {

core::Result<void> Pipeline::assemble_preview(const nlohmann::json& payload, jobs::JobContext& ctx) {
  std::optional<Book> book;
  std::vector<Page> pages;
  {
    auto conn = ctx.db.acquire();
    if (!conn) return std::unexpected(conn.error());
    auto found = detail::book_for_step(**conn, payload, {core::BookStatus::generating});
    if (!found) return std::unexpected(found.error());
    if (!found->has_value()) return {};
    book = std::move(*found);
    auto loaded = load_pages(**conn, book->id);
    if (!loaded) return std::unexpected(loaded.error());
    pages = std::move(*loaded);
  }
  for (const auto& page : pages)
    if (page.state != PageState::personalized) return {};  // a regeneration is still under way

  BookDocument doc = detail::book_document(*book);
  for (const auto& page : pages) {
    if (page.preview_image_key.empty()) continue;  // locked pages have no preview image at all
    auto png = ctx.blobs.get(page.preview_image_key);
    if (!png) return std::unexpected(png.error());
    doc.pages.push_back({page.number, page.text, std::move(*png)});
  }
  detail::StepTimer timer;
  auto pdf = ports_.pdf->assemble_preview(doc);
  if (!pdf) return std::unexpected(pdf.error());
  const auto key = steps::preview_pdf_key(*book);
  if (auto put = ctx.blobs.put(key, *pdf); !put) return put;

  return detail::in_transaction(ctx.db, [&](sql::Connection& conn) -> core::Result<void> {
    const auto now = ctx.clock.unix_seconds();
    // The first preview starts the expiry clock; a regenerated page does not extend it.
    auto n = conn.execute(
        "UPDATE books SET preview_pdf_key = $1, preview_ready_at = COALESCE(preview_ready_at, $2), "
        "expires_at = COALESCE(expires_at, $3), updated_at = $2 WHERE id = $4 AND status = 'generating'",
        {key, now, now + rules_.preview_ttl.count(), book->id});
    if (!n) return std::unexpected(n.error());
    if (*n == 0) return {};  // moved on meanwhile (cancelled, deleted)
    if (auto moved = change_status(conn, ctx.clock, book->id, core::BookStatus::generating,
                                   core::BookStatus::preview_ready);
        !moved)
      return moved;
    auto entry = detail::log_entry(ctx, std::nullopt, timer);
    entry.parameters = {{"preview_pages", doc.pages.size()}, {"pages", pages.size()}};
    return jobs::record_generation(conn, ctx.clock, entry);
  });
}

}  // namespace storyloom::books
