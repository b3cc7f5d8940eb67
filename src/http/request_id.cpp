// Request ids: a client (or a proxy) may send its own X-Request-Id so that its logs and ours
// line up; anything odd is replaced, because the id is echoed into headers and logs.
#include <cstdint>

#include <fmt/format.h>

#include "core/crypto.hpp"
#include "http/middleware.hpp"

namespace storyloom::http {

namespace {
// Unique, not secret: a random per-thread prefix and a counter. Drawing fresh random bytes for
// every request would cost a system call each.
std::string generate_request_id() {
  thread_local const std::string prefix = "req_" + core::random_token(9);
  thread_local std::uint64_t counter = 0;
  return fmt::format("{}{:x}", prefix, ++counter);
}
}  // namespace

bool is_acceptable_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Middleware request_id_middleware() {
  return [](Request& req, const Handler& next) {
    const auto given = req.header("X-Request-Id");
    req.request_id = given && is_acceptable_request_id(*given) ? std::string(*given) : generate_request_id();
    Response res = next(req);
    res.headers.set("X-Request-Id", req.request_id);
    return res;
  };
}

}  // namespace storyloom::http
