// Authentication for route handlers: who is calling, CSRF protection, rate limits and the
// session cookie. Route files of every resource use it like this:
//
//   router.get("/api/books/{id}", [&auth, &books](http::Request& req) {
//     auto who = auth.require_user(req);               // 401 session_invalid / 403 csrf / 429
//     if (!who) return auth.error(req, who.error());
//     auto book = books.get(who->user.id, req.param("id"));   // another owner's: 404 like missing
//     ...
//   });
//
// Credentials: `Authorization: Bearer <session token or external JWT>` (API clients), or the
// `storyloom_session` cookie (the web app). CSRF rule: an unsafe request (POST, PUT, PATCH,
// DELETE) authenticated by the cookie must carry an Origin (or, failing that, Referer) equal to
// the server's own origin, the public base URL, or a configured CORS origin; otherwise 403
// csrf_origin_mismatch. Bearer requests are exempt: browsers never attach them on their own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.hpp"
#include "accounts/rate_limiter.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace storyloom::http {

inline constexpr std::string_view kSessionCookie = "storyloom_session";

struct AuthOptions {
  bool trust_proxy = false;          // take client IP / scheme from X-Forwarded-For / -Proto
  std::string cookie_secure = "auto";  // auto: Secure when the request came over https
  std::string public_base_url;       // its origin is always allowed
  std::vector<std::string> allowed_origins;  // CORS origins ("*" does not relax CSRF)
  accounts::BucketRule auth_rule{20, 10};    // sign-in, sign-up, reset, guest: per IP
  accounts::BucketRule api_rule{300, 100};   // every authenticated call: per user and per IP
};

class Auth {
 public:
  Auth(accounts::Accounts& accounts, accounts::RateLimiter& limiter, AuthOptions options)
      : accounts_(accounts), limiter_(limiter), options_(std::move(options)) {}

  // The signed-in user (member or guest) or: unauthenticated (session_missing, session_invalid),
  // forbidden (csrf_origin_mismatch), rate_limited (rate_limited, details.retry_after).
  // Sets req.user_id. Applies the "api" rate limit per user.
  core::Result<accounts::Authenticated> require_user(Request& req) const;
  // Like require_user, but a request without credentials answers nullopt instead of 401.
  core::Result<std::optional<accounts::Authenticated>> optional_user(Request& req) const;
  // As require_user, and the user must be an admin (403 admin_required otherwise).
  core::Result<accounts::Authenticated> require_admin(Request& req) const;

  // Takes a token from `group`'s bucket for this client IP (and user, when given).
  core::Result<void> limit(const Request& req, std::string_view group, std::string_view user_id = {}) const;
  // Enforces the CSRF rule above for this request, whatever its credentials.
  core::Result<void> check_origin(const Request& req) const;

  // The error envelope, plus Retry-After when the error carries details.retry_after.
  Response error(const Request& req, const core::Error& e) const;

  // Set-Cookie values for a new session and for signing out.
  std::string session_cookie(const Request& req, const accounts::IssuedSession& s) const;
  std::string cleared_cookie(const Request& req) const;

  accounts::RequestOrigin origin_of(const Request& req) const;
  std::string client_ip(const Request& req) const;
  accounts::Accounts& accounts() const { return accounts_; }

 private:
  bool is_https(const Request& req) const;
  std::optional<std::string> bearer(const Request& req) const;
  std::optional<std::string> cookie(const Request& req) const;

  accounts::Accounts& accounts_;
  accounts::RateLimiter& limiter_;
  AuthOptions options_;
};

}  // namespace storyloom::http
