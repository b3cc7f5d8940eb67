#include "http/middleware.hpp"

namespace storyloom::http {

Handler chain(std::vector<Middleware> middleware, Handler inner) {
  Handler next = std::move(inner);
  for (auto it = middleware.rbegin(); it != middleware.rend(); ++it) {
    next = [mw = std::move(*it), next = std::move(next)](Request& req) { return mw(req, next); };
  }
  return next;
}

Handler make_pipeline(Handler inner, const PipelineOptions& options, std::vector<Middleware> extra) {
  std::vector<Middleware> all;
  if (options.access_log) all.push_back(access_log_middleware());
  all.push_back(request_id_middleware());
  all.push_back(security_headers_middleware());
  if (!options.cors_origins.empty()) all.push_back(cors_middleware(options.cors_origins));
  all.push_back(gzip_middleware(options.gzip_min_bytes));
  all.push_back(exception_guard_middleware());
  for (auto& mw : extra) all.push_back(std::move(mw));
  return chain(std::move(all), std::move(inner));
}

}  // namespace storyloom::http
