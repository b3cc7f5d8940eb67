#include "http/routes/system_routes.hpp"

#include <fmt/format.h>

#include "core/log.hpp"
#include "http/error_response.hpp"

namespace storyloom::http {

namespace {

Response readiness(const Request& req, const std::vector<ReadinessCheck>& checks) {
  nlohmann::json results = nlohmann::json::object();
  std::vector<std::string> failing;
  for (const auto& c : checks) {
    core::Result<void> outcome = core::fail(core::ErrorKind::internal, "check_threw", "");
    try {
      outcome = c.check();
    } catch (const std::exception& e) {
      core::log_error("readiness check threw", {{"check", c.name}, {"exception", e.what()}});
    }
    if (outcome) {
      results[c.name] = "ok";
    } else {
      // The code tells an operator which failure; the message stays in our log.
      results[c.name] = outcome.error().code;
      failing.push_back(c.name);
      core::log_warn("readiness check failed",
                     {{"check", c.name}, {"code", outcome.error().code}, {"message", outcome.error().message},
                      {"request_id", req.request_id}});
    }
  }
  if (failing.empty()) return Response::json(200, {{"status", "ready"}, {"checks", results}});
  return error_response(req, core::ErrorKind::unavailable, "not_ready",
                        fmt::format("Not ready: {} failing.", fmt::join(failing, ", ")),
                        {{"failing", failing}, {"checks", results}});
}

}  // namespace

void add_system_routes(Router& router, SystemInfo info, std::vector<ReadinessCheck> checks) {
  const std::string health = nlohmann::json{{"status", "ok"}, {"version", info.version}}.dump();
  router.get("/health", [health](Request&) {
    Response res = Response::text(200, health, "application/json");
    res.headers.set("Cache-Control", "no-store");
    return res;
  });
  router.get("/ready", [checks = std::move(checks)](Request& req) {
    Response res = readiness(req, checks);
    res.headers.set("Cache-Control", "no-store");
    return res;
  });
  router.get("/api", [info](Request&) {
    return Response::json(200, {{"name", "storyloom"}, {"version", info.version}, {"shop", info.shop_name},
                                {"endpoints", {"/health", "/ready", "/files/{key}"}}});
  });
}

}  // namespace storyloom::http
