// Turns an exception that escapes a handler into a 500 envelope; the exception's text goes to
// the log with the request id, never to the client.
#include <exception>

#include "core/log.hpp"
#include "http/error_response.hpp"
#include "http/middleware.hpp"

namespace storyloom::http {

Middleware exception_guard_middleware() {
  return [](Request& req, const Handler& next) {
    std::string what;
    try {
      return next(req);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
      what = "unknown exception";
    }
    core::log_error("unhandled exception",
                    {{"request_id", req.request_id}, {"method", req.method}, {"path", req.path}, {"exception", what}});
    return error_response(req, core::Error{core::ErrorKind::internal, "internal_error", what});
  };
}

}  // namespace storyloom::http
