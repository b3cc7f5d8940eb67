// One JSON line per request. Duration covers the handler, not the time to send the body.
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
    nlohmann::json fields{{"method", req.method},
                          {"path", req.path},
                          {"status", res.status},
                          {"duration_ms", static_cast<double>(micros) / 1000.0},
                          {"bytes", res.file ? res.file->length : res.body.size()},
                          {"request_id", req.request_id}};
    if (req.user_id) fields["user_id"] = *req.user_id;
    if (res.is_streaming()) fields["streaming"] = true;
    core::log_info("request", fields);
    return res;
  };
}

}  // namespace storyloom::http
