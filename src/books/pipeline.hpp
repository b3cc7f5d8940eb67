// The book pipeline's step handlers (steps.hpp lists the steps) and the hook that fails a book
// whose step died. Construct one Pipeline with the ports, register it on the job registry, and
// keep it alive as long as the worker pool runs.
#pragma once

#include "books/book.hpp"
#include "books/ports.hpp"
#include "jobs/handler_registry.hpp"

namespace storyloom::books {

// Borrowed, not owned. writer, illustrator, personalizer, page_art and pdf are required;
// delivery, credits and photos may be null (nothing to deliver/refund/delete then).
struct PipelinePorts {
  StoryWriterPort* writer = nullptr;
  IllustratorPort* illustrator = nullptr;
  PersonalizerPort* personalizer = nullptr;
  PageArtPort* page_art = nullptr;
  PdfAssemblerPort* pdf = nullptr;
  DeliveryPort* delivery = nullptr;
  CreditLedgerPort* credits = nullptr;
  PhotoPort* photos = nullptr;
};

// The ledger reference of the credit a book's current run consumed (charge and refund share it).
std::string credit_reference(const Book& book);

class Pipeline {
 public:
  Pipeline(PipelinePorts ports, BookRules rules, const core::Clock& clock, jobs::RetryPolicy step_policy = {});

  // Registers every step kind with `step_policy` and the failing-book hook.
  void register_steps(jobs::HandlerRegistry& registry);

  core::Result<void> write_story(const nlohmann::json& payload, jobs::JobContext& ctx);
  core::Result<void> illustrate_page(const nlohmann::json& payload, jobs::JobContext& ctx);
  core::Result<void> personalize_page(const nlohmann::json& payload, jobs::JobContext& ctx);
  core::Result<void> assemble_preview(const nlohmann::json& payload, jobs::JobContext& ctx);
  core::Result<void> render_final_pages(const nlohmann::json& payload, jobs::JobContext& ctx);
  core::Result<void> assemble_print_pdf(const nlohmann::json& payload, jobs::JobContext& ctx);
  core::Result<void> deliver(const nlohmann::json& payload, jobs::JobContext& ctx);

  // The on_dead hook: a generating or finalizing book becomes failed with the step's error kept,
  // and a charged credit is refunded (once: credit_state moves charged → refunded).
  core::Result<void> fail_book(sql::Connection& conn, const jobs::Job& job, const core::Error& error);

  const BookRules& rules() const { return rules_; }

 private:
  PipelinePorts ports_;
  BookRules rules_;
  const core::Clock& clock_;
  jobs::RetryPolicy step_policy_;
};

}  // namespace storyloom::books
