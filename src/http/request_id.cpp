// Request ids: a client (or a proxy) may send its own X-Request-Id so that its logs and ours
// line up; anything odd is replaced, because the id is echoed into headers and logs.
#include "core/crypto.hpp"
#include "http/middleware.hpp"

namespace storyloom::http {

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
    req.request_id = given && is_acceptable_request_id(*given) ? std::string(*given) : "req_" + core::random_token(12);
    Response res = next(req);
    res.headers.set("X-Request-Id", req.request_id);
    return res;
  };
}

}  // namespace storyloom::http
