// The accounts module's part of the composition root: mailer, accounts facade, children,
// credits, rate limiter, external identity and the HTTP Auth helper, built from settings.
#pragma once

#include <memory>

#include "accounts/accounts.hpp"
#include "accounts/children.hpp"
#include "accounts/credits_ledger.hpp"
#include "accounts/jwks.hpp"
#include "accounts/jwt_verifier.hpp"
#include "accounts/mailer.hpp"
#include "accounts/personal_data.hpp"
#include "accounts/rate_limiter.hpp"
#include "http/auth.hpp"
#include "net/http_client.hpp"

namespace storyloom::app {

struct Services;

struct AccountServices {
  std::unique_ptr<accounts::Mailer> mailer;            // commerce sends its mails through this too
  accounts::PersonalDataRegistry personal_data;        // other modules register tables/exporters/erasers
  std::unique_ptr<net::HttpClient> http_client;
  std::unique_ptr<accounts::JwksSource> jwks;
  std::unique_ptr<accounts::JwtVerifier> jwt;
  std::unique_ptr<accounts::Accounts> accounts;
  std::unique_ptr<accounts::Children> children;
  std::unique_ptr<accounts::CreditsLedger> credits;
  std::unique_ptr<accounts::RateLimiter> limiter;
  std::unique_ptr<http::Auth> auth;
};

// unavailable (mail_smtp_unavailable) when SMTP is configured; internal (catalog_*) when the
// password list or mail texts cannot be read.
core::Result<std::unique_ptr<AccountServices>> build_account_services(Services& services);

}  // namespace storyloom::app
