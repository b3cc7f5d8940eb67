#include "http/auth.hpp"
#include "core/text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "http/error_response.hpp"

namespace storyloom::http {
namespace {

bool is_unsafe(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// "https://shop.example:8443/path" -> "https://shop.example:8443"
std::string origin_of_url(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  const auto path = url.find('/', scheme + 3);
  return std::string(url.substr(0, path));
}

core::Error missing_credentials() {
  return core::Error{core::ErrorKind::unauthenticated, "session_missing", "Please sign in."};
}

}  // namespace

std::string Auth::client_ip(const Request& req) const {
  if (options_.trust_proxy)
    if (auto xff = req.header("X-Forwarded-For")) {
      const std::string_view first = core::trim(xff->substr(0, xff->find(',')));
      if (!first.empty() && first.size() <= 64) return std::string(first);
    }
  return req.remote_address;
}

bool Auth::is_https(const Request& req) const {
  if (options_.cookie_secure == "true") return true;
  if (options_.cookie_secure == "false") return false;
  if (options_.trust_proxy)
    if (auto proto = req.header("X-Forwarded-Proto")) return core::trim(*proto) == "https";
  return options_.public_base_url.starts_with("https://");
}

accounts::RequestOrigin Auth::origin_of(const Request& req) const {
  return {client_ip(req), std::string(req.header("User-Agent").value_or("")), req.request_id};
}

std::optional<std::string> Auth::bearer(const Request& req) const {
  auto h = req.header("Authorization");
  if (!h || h->size() < 7 || !iequals(h->substr(0, 7), "Bearer ")) return std::nullopt;
  return std::string(core::trim(h->substr(7)));
}

std::optional<std::string> Auth::cookie(const Request& req) const {
  for (const auto& [name, value] : req.headers) {
    if (!iequals(name, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      const std::string_view pair = core::trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      const auto eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == kSessionCookie) return std::string(pair.substr(eq + 1));
    }
  }
  return std::nullopt;
}

core::Result<void> Auth::check_origin(const Request& req) const {
  std::string origin(req.header("Origin").value_or(""));
  if (origin.empty() || origin == "null") origin = origin_of_url(req.header("Referer").value_or(""));
  const std::string host(req.header("Host").value_or(""));
  const bool allowed =
      !origin.empty() &&
      (origin == "http://" + host || origin == "https://" + host ||
       (!options_.public_base_url.empty() && origin == origin_of_url(options_.public_base_url)) ||
       std::find(options_.allowed_origins.begin(), options_.allowed_origins.end(), origin) !=
           options_.allowed_origins.end());
  if (allowed) return {};
  return core::fail(core::ErrorKind::forbidden, "csrf_origin_mismatch",
                    "This request must come from the shop's own pages.");
}

core::Result<void> Auth::limit(const Request& req, std::string_view group, std::string_view user_id) const {
  const accounts::BucketRule& rule = group == "auth" ? options_.auth_rule : options_.api_rule;
  auto wait = limiter_.take(fmt::format("{}|ip|{}", group, client_ip(req)), rule);
  if (!wait && !user_id.empty()) wait = limiter_.take(fmt::format("{}|user|{}", group, user_id), rule);
  if (!wait) return {};
  return core::fail(core::ErrorKind::rate_limited, "rate_limited", "Too many requests; please slow down.",
                    {{"retry_after", *wait}});
}

core::Result<std::optional<accounts::Authenticated>> Auth::optional_user(Request& req) const {
  const auto token = bearer(req);
  std::optional<std::string> from_cookie;
  if (!token) from_cookie = cookie(req);
  if (!token && !from_cookie) return std::optional<accounts::Authenticated>{};
  if (from_cookie && is_unsafe(req.method))
    if (auto ok = check_origin(req); !ok) return std::unexpected(ok.error());
  auto who = accounts_.authenticate(token ? *token : *from_cookie);
  if (!who) return std::unexpected(who.error());
  if (auto ok = limit(req, "api", who->user.id); !ok) return std::unexpected(ok.error());
  req.user_id = who->user.id;
  return std::optional<accounts::Authenticated>{std::move(*who)};
}

core::Result<accounts::Authenticated> Auth::require_user(Request& req) const {
  auto who = optional_user(req);
  if (!who) return std::unexpected(who.error());
  if (!*who) return std::unexpected(missing_credentials());
  return std::move(**who);
}

core::Result<accounts::Authenticated> Auth::require_admin(Request& req) const {
  auto who = require_user(req);
  if (who && !who->user.is_admin())
    return core::fail(core::ErrorKind::forbidden, "admin_required", "Only the shop's operators may do this.");
  return who;
}

Response Auth::error(const Request& req, const core::Error& e) const {
  Response r = error_response(req, e);
  if (e.details.is_object() && e.details.contains("retry_after"))
    r.headers.set("Retry-After", std::to_string(e.details["retry_after"].get<std::int64_t>()));
  if (e.kind == core::ErrorKind::unauthenticated) r.headers.set("WWW-Authenticate", "Bearer");
  return r;
}

std::string Auth::session_cookie(const Request& req, const accounts::IssuedSession& s) const {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}", kSessionCookie, s.token,
                     std::max<std::int64_t>(0, s.session.expires_at - s.session.created_at),
                     is_https(req) ? "; Secure" : "");
}

std::string Auth::cleared_cookie(const Request& req) const {
  return fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}", kSessionCookie, is_https(req) ? "; Secure" : "");
}

}  // namespace storyloom::http
