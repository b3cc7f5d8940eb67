// commerce's jobs (commerce::CommerceJobsPort) over the durable job queue, and the job kind that
// processes an accepted webhook. Both enqueue on the caller's connection: the webhook_events row
// and its process_webhook job commit together, so a crash after the 200 loses nothing (the job is
// claimed again once its lease expires, and WebhookProcessor::process is idempotent).
#pragma once

#include <string_view>

#include "commerce/commerce_jobs_port.hpp"
#include "commerce/webhook_processor.hpp"
#include "jobs/handler_registry.hpp"
#include "jobs/queue.hpp"

namespace storyloom::app {

inline constexpr std::string_view kProcessWebhook = "process_webhook";
// Money is at stake, so more tries than a book step: about 25 minutes of backoff in all. The
// queue is built before this kind is registered, so jobs carry max_attempts themselves.
inline constexpr jobs::RetryPolicy kWebhookJobPolicy{.max_attempts = 10, .base_delay = std::chrono::seconds{5},
                                                     .max_delay = std::chrono::seconds{300}};

class QueueForCommerce final : public commerce::CommerceJobsPort {
 public:
  explicit QueueForCommerce(jobs::Queue& queue) : queue_(queue) {}

  // Job process_webhook {"webhook_event_id"}, deduplicated on the row id.
  core::Result<void> enqueue_webhook_processing(sql::Connection& conn,
                                                const commerce::WebhookToProcess& webhook) override;
  // The pipeline's render_final_pages for the book's current run, in the books module's own
  // payload and dedupe-key format (books::steps::enqueue_book_step). BookService::confirm_payment
  // already enqueues it, so this is normally a deduplicated no-op; it keeps the port's promise for
  // a book that was paid some other way.
  core::Result<void> enqueue_finalize(sql::Connection& conn, std::string_view book_id, std::string_view order_id) override;

 private:
  jobs::Queue& queue_;
};

// The kind spec for process_webhook: runs processor.process(payload.webhook_event_id); an error
// retries with kWebhookJobPolicy's backoff. A job that dies leaves its row unprocessed, which
// enqueue_unprocessed_webhooks() (run at start-up) gives a new job once the dead one is purged.
jobs::KindSpec webhook_job(commerce::WebhookProcessor& processor);

// Enqueues processing for every accepted webhook not processed yet (rows accepted before jobs
// existed, or whose job died and was purged); rows that still have a job are deduplicated.
// Answers how many rows were unprocessed.
core::Result<int> enqueue_unprocessed_webhooks(sql::Database& db, commerce::CommerceJobsPort& jobs);

}  // namespace storyloom::app
