// Operational routes: GET /health (liveness: the process answers), GET /ready (readiness: the
// dependencies answer), GET /api (what this server is).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "http/router.hpp"

namespace storyloom::http {

struct ReadinessCheck {
  std::string name;                            // e.g. "database", named in the 503
  std::function<core::Result<void>()> check;   // must be quick; called on every /ready
};

struct SystemInfo {
  std::string version;
  std::string shop_name;
};

void add_system_routes(Router& router, SystemInfo info, std::vector<ReadinessCheck> checks);

}  // namespace storyloom::http
