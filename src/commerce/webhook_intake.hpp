// The one path every provider's webhook takes (POST /webhooks/{provider}):
//   verify the signature over the raw bytes → parse → record in webhook_events (unique per
//   provider and event id) → enqueue its processing as a job, record and job in one transaction.
// A bad or missing signature leaves one audit_log entry (webhook_rejected) and nothing else.
// A duplicate or an unknown event type is answered like success: providers stop retrying.
#pragma once

#include <memory>
#include <string>

#include "commerce/commerce_jobs_port.hpp"
#include "commerce/payment_providers.hpp"
#include "core/clock.hpp"
#include "sql/database.hpp"

namespace storyloom::commerce {

struct IntakeOutcome {
  bool duplicate = false;          // seen before: nothing was stored or enqueued
  std::string webhook_event_id;    // our row id (empty for a duplicate)
  PaymentEvent event;
};

class WebhookIntake {
 public:
  WebhookIntake(std::shared_ptr<sql::Database> db, const PaymentProviders& providers, CommerceJobsPort& jobs,
                const core::Clock& clock)
      : db_(std::move(db)), providers_(providers), jobs_(jobs), clock_(clock) {}

  // not_found (payments_provider_unknown) for a provider that is not enabled;
  // invalid_argument webhook_signature_invalid / webhook_payload_invalid → 400.
  core::Result<IntakeOutcome> accept(std::string_view provider_name, const WebhookRequest& request);

 private:
  core::Result<void> reject(std::string_view provider, const WebhookRequest& request, const core::Error& why);

  std::shared_ptr<sql::Database> db_;
  const PaymentProviders& providers_;
  CommerceJobsPort& jobs_;
  const core::Clock& clock_;
};

}  // namespace storyloom::commerce
