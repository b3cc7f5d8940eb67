// The "t=<unix>,v1=<hex>" signature scheme Stripe uses (stripe-node src/Webhooks.ts,
// parseHeader/verifyHeader): HMAC-SHA256(secret, "<t>.<raw body>") as lowercase hex; several
// v1 entries may be present (secret rotation) and any may match. The demo provider signs the
// same way so that it exercises exactly the code path a remote provider does.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace storyloom::commerce {

// Checks `header` against `body`. Rejects (webhook_signature_invalid, details.reason) a missing
// or malformed header, no matching v1, and timestamps more than `tolerance` in the past
// (Stripe's rule) or in the future (ours: a signature from the future is not one we trust).
core::Result<void> verify_timestamped_signature(std::string_view header, std::string_view body,
                                                std::string_view secret, std::int64_t now,
                                                std::chrono::seconds tolerance);

// Makes a header value for `body` at time `t` (the demo checkout page signs with it).
std::string sign_timestamped(std::string_view body, std::string_view secret, std::int64_t t);

}  // namespace storyloom::commerce
