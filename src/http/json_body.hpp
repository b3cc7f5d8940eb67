// Reading JSON request bodies: a body that is not JSON is a 400 `invalid_json`, a body that is
// not an object where one is required is a 400 `invalid_body`.
#pragma once

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "http/request.hpp"

namespace storyloom::http {

core::Result<nlohmann::json> parse_json_body(const Request& req);
// Like parse_json_body, and the top level must be an object.
core::Result<nlohmann::json> parse_json_object(const Request& req);

}  // namespace storyloom::http
