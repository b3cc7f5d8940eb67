// write_story: asks the story writer for the pages (once per book: pages already written are
// kept), stores them, then enqueues each page's next step.
#include <fmt/format.h>

#include "books/book_store.hpp"
#include "books/pipeline.hpp"
#include "books/step_support.hpp"
#include "books/steps.hpp"

namespace storyloom::books {

namespace {

core::Result<void> store_draft(sql::Connection& conn, const Book& book, const StoryDraft& draft,
                               std::int64_t now) {
  if (auto n = conn.execute("UPDATE books SET title = $1, updated_at = $2 WHERE id = $3",
                            {draft.title, now, book.id});
      !n)
    return std::unexpected(n.error());
  for (const auto& page : draft.pages) {
    auto n = conn.execute(
        "INSERT INTO book_pages (book_id, number, text, brief, state, updated_at) VALUES ($1, $2, $3, $4, "
        "'written', $5) ON CONFLICT (book_id, number) DO NOTHING",
        {book.id, std::int64_t{page.number}, page.text, page.brief.dump(), now});
    if (!n) return std::unexpected(n.error());
  }
  return {};
}

core::Result<void> check_draft(const StoryDraft& draft) {
  for (std::size_t i = 0; i < draft.pages.size(); ++i)
    if (draft.pages[i].number != static_cast<int>(i) + 1)
      return core::fail(core::ErrorKind::internal, "story_pages_invalid", "The story's pages are not numbered 1..N.");
  if (draft.pages.empty())
    return core::fail(core::ErrorKind::internal, "story_pages_invalid", "The story has no pages.");
  return {};
}

}  // namespace

core::Result<void> Pipeline::write_story(const nlohmann::json& payload, jobs::JobContext& ctx) {
  std::optional<Book> book;
  std::size_t existing_pages = 0;
  {
    auto conn = ctx.db.acquire();
    if (!conn) return std::unexpected(conn.error());
    auto found = detail::book_for_step(**conn, payload, {core::BookStatus::generating});
    if (!found) return std::unexpected(found.error());
    if (!found->has_value()) return {};
    book = std::move(*found);
    auto pages = load_pages(**conn, book->id);
    if (!pages) return std::unexpected(pages.error());
    existing_pages = pages->size();
  }
  std::optional<StoryDraft> draft;
  detail::StepTimer timer;
  if (existing_pages == 0) {  // a rerun after the pages were stored writes nothing new
    auto written = ports_.writer->write_story(
        {.book_id = book->id, .child = book->child, .theme = book->theme, .style = book->style, .seed = book->seed});
    if (!written) return std::unexpected(written.error());
    if (auto ok = check_draft(*written); !ok) return ok;
    draft = std::move(*written);
  }
  return detail::in_transaction(ctx.db, [&](sql::Connection& conn) -> core::Result<void> {
    if (draft) {
      if (auto stored = store_draft(conn, *book, *draft, ctx.clock.unix_seconds()); !stored) return stored;
      auto entry = detail::log_entry(ctx, std::nullopt, timer);
      entry.provider = draft->provider;
      entry.version = draft->version;
      entry.parameters = {{"theme", book->theme}, {"style", book->style}, {"seed", book->seed},
                          {"pages", draft->pages.size()}};
      if (auto logged = jobs::record_generation(conn, ctx.clock, entry); !logged) return logged;
    }
    return steps::continue_pages(ctx.queue, conn, *book);
  });
}

}  // namespace storyloom::books
