// Headers every response carries so that browsers don't sniff types, frame us, or leak URLs;
// HTML pages also get a content security policy. A handler that sets its own policy keeps it.
#include "http/middleware.hpp"

namespace storyloom::http {

namespace {
constexpr std::string_view kHtmlPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";
constexpr std::string_view kOtherPolicy = "default-src 'none'; frame-ancestors 'none'";

void set_if_absent(Headers& h, std::string_view name, std::string_view value) {
  if (!h.has(name)) h.set(name, value);
}
}  // namespace

Middleware security_headers_middleware() {
  return [](Request& req, const Handler& next) {
    Response res = next(req);
    auto& h = res.headers;
    set_if_absent(h, "X-Content-Type-Options", "nosniff");
    set_if_absent(h, "X-Frame-Options", "DENY");
    set_if_absent(h, "Referrer-Policy", "strict-origin-when-cross-origin");
    const auto type = h.get("Content-Type");
    const bool html = type && type->starts_with("text/html");
    set_if_absent(h, "Content-Security-Policy", html ? kHtmlPolicy : kOtherPolicy);
    return res;
  };
}

}  // namespace storyloom::http
