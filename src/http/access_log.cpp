// One JSON line per request. Duration covers the handler, not the time to send the body.
// Written through core::log_fields: building a json object for it was a third of the server's
// own work per request (docs/http.md).
#include <array>
#include <chrono>

#include "core/log.hpp"
#include "http/middleware.hpp"

namespace storyloom::http {

Middleware access_log_middleware() {
  return [](Request& req, const Handler& next) {
    const auto start = std::chrono::steady_clock::now();
    Response res = next(req);
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    const auto bytes = res.file ? res.file->length : res.body.size();
    std::array<core::LogField, 8> fields{{{"method", req.method},
                                          {"path", req.path},
                                          {"status", std::int64_t{res.status}},
                                          {"duration_ms", static_cast<double>(micros) / 1000.0},
                                          {"bytes", static_cast<std::int64_t>(bytes)},
                                          {"request_id", req.request_id}}};
    std::size_t n = 6;
    if (req.user_id) fields[n++] = {"user_id", *req.user_id};
    if (res.is_streaming()) fields[n++] = {"streaming", true};
    core::log_fields(core::LogLevel::info, "request", std::span(fields.data(), n));
    return res;
  };
}

}  // namespace storyloom::http
