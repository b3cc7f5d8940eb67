// CORS for configured origins only. Preflight requests (OPTIONS with
// Access-Control-Request-Method) from an allowed origin are answered here; everything else from
// an allowed origin gets the allow headers added. Other origins get nothing, so browsers block.
#include <algorithm>

#include "http/middleware.hpp"

namespace storyloom::http {

namespace {
bool is_allowed(const std::vector<std::string>& allowed, std::string_view origin) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const std::string& a) { return a == "*" || a == origin; });
}

bool is_sane_header_list(std::string_view list) {
  if (list.size() > 512) return false;
  return std::all_of(list.begin(), list.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ',' || c == ' ';
  });
}
}  // namespace

Middleware cors_middleware(std::vector<std::string> allowed_origins) {
  return [allowed = std::move(allowed_origins)](Request& req, const Handler& next) {
    const auto origin = req.header("Origin");
    if (!origin || !is_allowed(allowed, *origin)) return next(req);
    // "*" allows any origin but, as browsers require, without cookies.
    const bool any = std::find(allowed.begin(), allowed.end(), "*") != allowed.end();
    const std::string echo = any ? "*" : std::string(*origin);
    const char* credentials = any ? "false" : "true";
    if (req.method == "OPTIONS" && req.header("Access-Control-Request-Method")) {
      Response pre = Response::no_content();
      pre.headers.set("Access-Control-Allow-Origin", echo);
      if (!any) pre.headers.set("Access-Control-Allow-Credentials", credentials);
      pre.headers.set("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      const auto wanted = req.header("Access-Control-Request-Headers");
      pre.headers.set("Access-Control-Allow-Headers",
                      wanted && is_sane_header_list(*wanted) ? std::string(*wanted) : "Content-Type, Authorization");
      pre.headers.set("Access-Control-Max-Age", "600");
      pre.headers.add("Vary", "Origin");
      return pre;
    }
    Response res = next(req);
    res.headers.set("Access-Control-Allow-Origin", echo);
    if (!any) res.headers.set("Access-Control-Allow-Credentials", credentials);
    res.headers.set("Access-Control-Expose-Headers", "X-Request-Id");
    res.headers.add("Vary", "Origin");
    return res;
  };
}

}  // namespace storyloom::http
