#include "commerce/webhook_intake.hpp"

#include "commerce/audit.hpp"
#include "commerce/webhook_event_store.hpp"
#include "core/log.hpp"
#include "sql/transaction.hpp"

namespace storyloom::commerce {

core::Result<void> WebhookIntake::reject(std::string_view provider, const WebhookRequest& request,
                                         const core::Error& why) {
  core::log_warn("webhook rejected", {{"provider", provider}, {"code", why.code}, {"details", why.details},
                                      {"request_id", request.request_id}});
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  return record_audit(**conn,
                      {"webhook_rejected", "", request.ip, request.request_id,
                       {{"provider", provider}, {"code", why.code}, {"reason", why.details.value("reason", "")},
                        {"bytes", request.body.size()}}},
                      clock_.unix_seconds());
}

core::Result<IntakeOutcome> WebhookIntake::accept(std::string_view provider_name, const WebhookRequest& request) {
  PaymentProvider* provider = providers_.find(provider_name);
  if (!provider)
    return core::fail(core::ErrorKind::not_found, "payments_provider_unknown", "No such webhook endpoint.");
  // The signature is checked over the raw bytes before anything looks inside them.
  if (auto verified = provider->verify_webhook(request); !verified) {
    if (auto audited = reject(provider_name, request, verified.error()); !audited) return std::unexpected(audited.error());
    return std::unexpected(verified.error());
  }
  auto event = provider->parse_event(request);
  if (!event) {
    if (auto audited = reject(provider_name, request, event.error()); !audited) return std::unexpected(audited.error());
    return std::unexpected(event.error());
  }

  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  auto owed = WebhookEventStore::record(**conn, *event, request.body, clock_.unix_millis());
  if (!owed) return std::unexpected(owed.error());
  if (!*owed) return IntakeOutcome{true, "", std::move(*event)};
  if (auto queued = jobs_.enqueue_webhook_processing(**conn, **owed); !queued) return std::unexpected(queued.error());
  if (auto committed = tx->commit(); !committed) return std::unexpected(committed.error());
  const std::string& row_id = (*owed)->webhook_event_id;
  core::log_info("webhook accepted", {{"provider", provider_name}, {"event_id", event->event_id},
                                      {"type", to_string(event->type)}, {"webhook_event_id", row_id},
                                      {"series", (*owed)->series}});
  return IntakeOutcome{false, row_id, std::move(*event)};
}

}  // namespace storyloom::commerce
