#include "app/queue_for_commerce.hpp"

#include <fmt/format.h>

#include "books/book_store.hpp"
#include "books/steps.hpp"
#include "commerce/webhook_event_store.hpp"
#include "core/log.hpp"
#include "sql/transaction.hpp"

namespace storyloom::app {

core::Result<void> QueueForCommerce::enqueue_webhook_processing(sql::Connection& conn,
                                                                const commerce::WebhookToProcess& webhook) {
  const std::string& id = webhook.webhook_event_id;
  auto queued = queue_.enqueue(conn, {.kind = std::string(kProcessWebhook),
                                      .payload = {{"webhook_event_id", id}},
                                      .dedupe_key = fmt::format("{}:{}", kProcessWebhook, id),
                                      .subject_id = id,
                                      .max_attempts = kWebhookJobPolicy.max_attempts,
                                      .asked_at_ms = webhook.arrival_ms,
                                      .serial_key = webhook.series.empty() ? "" : "payment:" + webhook.series});
  if (!queued) return std::unexpected(queued.error());
  return {};
}

core::Result<void> QueueForCommerce::enqueue_finalize(sql::Connection& conn, std::string_view book_id,
                                                      std::string_view order_id) {
  auto book = books::load_book(conn, book_id);
  if (!book) return std::unexpected(book.error());
  auto queued = books::steps::enqueue_book_step(queue_, conn, books::steps::kRenderFinalPages, *book);
  if (!queued) return std::unexpected(queued.error());
  if (*queued) core::log_info("finalize enqueued by commerce", {{"book_id", book_id}, {"order_id", order_id}});
  return {};
}

jobs::KindSpec webhook_job(commerce::WebhookProcessor& processor) {
  jobs::Handler handler = [&processor](const nlohmann::json& payload, jobs::JobContext&) -> core::Result<void> {
    const auto id = payload.is_object() ? payload.value("webhook_event_id", std::string()) : std::string();
    if (id.empty())
      return core::fail(core::ErrorKind::invalid_argument, "job_payload_invalid",
                        "process_webhook needs a webhook_event_id.");
    auto outcome = processor.process(id);
    if (!outcome) return std::unexpected(outcome.error());
    return {};
  };
  jobs::DeadHook on_dead = [](sql::Connection&, const jobs::Job& job, const core::Error& error) -> core::Result<void> {
    core::log_error("webhook processing gave up", {{"webhook_event_id", job.subject_id}, {"code", error.code},
                                                   {"message", error.message}, {"attempts", job.attempts}});
    return {};
  };
  return jobs::KindSpec{.handler = std::move(handler), .policy = kWebhookJobPolicy, .on_dead = std::move(on_dead)};
}

core::Result<int> enqueue_unprocessed_webhooks(sql::Database& db, commerce::CommerceJobsPort& jobs) {
  auto conn = db.acquire();
  if (!conn) return std::unexpected(conn.error());
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  auto owed = commerce::WebhookEventStore::unprocessed(**conn, 10'000);
  if (!owed) return std::unexpected(owed.error());
  for (const auto& webhook : *owed)
    if (auto queued = jobs.enqueue_webhook_processing(**conn, webhook); !queued) return std::unexpected(queued.error());
  if (auto committed = tx->commit(); !committed) return std::unexpected(committed.error());
  return static_cast<int>(owed->size());
}

}  // namespace storyloom::app
