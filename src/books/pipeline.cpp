#include "books/pipeline.hpp"

#include <fmt/format.h>

#include "books/book_store.hpp"
#include "books/step_support.hpp"
#include "books/steps.hpp"
#include "core/log.hpp"

namespace storyloom::books {

namespace detail {

core::Result<std::optional<Book>> book_for_step(sql::Connection& conn, const nlohmann::json& payload,
                                                std::initializer_list<core::BookStatus> statuses) {
  auto book = find_book(conn, payload.value("book_id", ""));
  if (!book) return std::unexpected(book.error());
  if (!book->has_value()) return std::optional<Book>{};
  const bool wanted = std::find(statuses.begin(), statuses.end(), (*book)->status) != statuses.end();
  if (!wanted || payload.value("run", -1) != (*book)->run) return std::optional<Book>{};
  return book;
}

BookDocument book_document(const Book& book) {
  return {.book_id = book.id, .title = book.title, .theme = book.theme, .style = book.style, .child = book.child,
          .photo_id = book.photo_id, .seed = book.seed};
}

jobs::GenerationEntry log_entry(const jobs::JobContext& ctx, std::optional<int> page, const StepTimer& timer) {
  return {.job_id = ctx.job.id, .subject_id = ctx.job.subject_id, .step = ctx.job.kind, .page = page,
          .duration_ms = timer.elapsed_ms()};
}

}  // namespace detail

std::string credit_reference(const Book& book) { return fmt::format("book:{}:run:{}", book.id, book.run); }

Pipeline::Pipeline(PipelinePorts ports, BookRules rules, const core::Clock& clock, jobs::RetryPolicy step_policy)
    : ports_(ports), rules_(rules), clock_(clock), step_policy_(step_policy) {}

void Pipeline::register_steps(jobs::HandlerRegistry& registry) {
  using Step = core::Result<void> (Pipeline::*)(const nlohmann::json&, jobs::JobContext&);
  const std::pair<std::string_view, Step> table[] = {
      {steps::kWriteStory, &Pipeline::write_story},
      {steps::kIllustratePage, &Pipeline::illustrate_page},
      {steps::kPersonalizePage, &Pipeline::personalize_page},
      {steps::kAssemblePreview, &Pipeline::assemble_preview},
      {steps::kRenderFinalPages, &Pipeline::render_final_pages},
      {steps::kAssemblePrintPdf, &Pipeline::assemble_print_pdf},
      {steps::kDeliver, &Pipeline::deliver},
  };
  for (const auto& [kind, step] : table)
    registry.add(std::string(kind),
                 {.handler = [this, step](const nlohmann::json& p, jobs::JobContext& ctx) { return (this->*step)(p, ctx); },
                  .policy = step_policy_,
                  .on_dead = [this](sql::Connection& conn, const jobs::Job& job, const core::Error& e) {
                    return fail_book(conn, job, e);
                  }});
}

core::Result<void> Pipeline::fail_book(sql::Connection& conn, const jobs::Job& job, const core::Error& error) {
  auto found = find_book(conn, job.subject_id);
  if (!found) return std::unexpected(found.error());
  if (!found->has_value()) return {};  // deleted meanwhile: nothing to fail
  const Book& book = **found;
  if (book.status != core::BookStatus::generating && book.status != core::BookStatus::finalizing) return {};
  if (auto moved = change_status(conn, clock_, book.id, book.status, core::BookStatus::failed); !moved)
    return std::unexpected(moved.error());
  auto n = conn.execute("UPDATE books SET failure_code = $1, failure_message = $2 WHERE id = $3",
                        {error.code, error.message, book.id});
  if (!n) return std::unexpected(n.error());
  if (book.credit_state == CreditState::charged && ports_.credits) {
    if (auto refunded = ports_.credits->refund(conn, book.owner_id, credit_reference(book)); !refunded)
      return std::unexpected(refunded.error());
    if (auto m = conn.execute("UPDATE books SET credit_state = 'refunded' WHERE id = $1", {book.id}); !m)
      return std::unexpected(m.error());
  }
  core::log_warn("book_failed", {{"book_id", book.id}, {"step", job.kind}, {"code", error.code}});
  return {};
}

}  // namespace storyloom::books
