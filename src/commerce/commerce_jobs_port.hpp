// The jobs the commerce module starts (the jobs module owns the queue). Both enqueue on the
// caller's connection, inside its transaction, and must be idempotent per argument (a dedupe
// key), because a retried webhook or a re-run step may ask twice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::commerce {

// An accepted webhook owed processing.
struct WebhookToProcess {
  std::string webhook_event_id;
  std::string series;           // payment_series(): empty when the event names no payment
  std::int64_t arrival_ms = 0;  // when it arrived: the order within its series
};

class CommerceJobsPort {
 public:
  virtual ~CommerceJobsPort() = default;
  // Job kind `process_webhook` whose handler calls WebhookProcessor::process(webhook_event_id).
  // Jobs of one series run one at a time, oldest arrival first (also when a crash re-queues them).
  virtual core::Result<void> enqueue_webhook_processing(sql::Connection& conn, const WebhookToProcess& webhook) = 0;
  // The paid branch of the book pipeline: render_final_pages → assemble_print_pdf → deliver,
  // whose last step calls Delivery::deliver(book_id).
  virtual core::Result<void> enqueue_finalize(sql::Connection& conn, std::string_view book_id,
                                              std::string_view order_id) = 0;
};

}  // namespace storyloom::commerce
