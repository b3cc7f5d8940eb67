// Middleware wraps a handler: it may change the request, answer on its own, or change the
// response of `next`. The standard pipeline (make_pipeline) is, outermost first:
//   access log -> request id -> security headers -> CORS -> gzip -> exception guard
//   -> extra middleware (e.g. authentication, which sets Request::user_id) -> router
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"

namespace storyloom::http {

using Middleware = std::function<Response(Request&, const Handler& next)>;

// Wraps `inner` so that middleware[0] runs first.
Handler chain(std::vector<Middleware> middleware, Handler inner);

struct PipelineOptions {
  std::vector<std::string> cors_origins;  // exact origins, or "*" for any
  std::size_t gzip_min_bytes = 512;       // smaller bodies aren't worth compressing
  bool access_log = true;
};

Handler make_pipeline(Handler inner, const PipelineOptions& options, std::vector<Middleware> extra = {});

// The standard middleware, one per concern (each in its own .cpp).
Middleware access_log_middleware();
Middleware request_id_middleware();
Middleware security_headers_middleware();
Middleware cors_middleware(std::vector<std::string> allowed_origins);
Middleware gzip_middleware(std::size_t min_bytes);
Middleware exception_guard_middleware();

// True for an X-Request-Id we accept from a client: 1..64 of [A-Za-z0-9._-].
bool is_acceptable_request_id(std::string_view id);

}  // namespace storyloom::http
