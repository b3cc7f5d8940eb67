#include "http/json_body.hpp"

namespace storyloom::http {

core::Result<nlohmann::json> parse_json_body(const Request& req) {
  // No exceptions: the parser answers a discarded value for malformed input.
  auto value = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded())
    return core::fail(core::ErrorKind::invalid_argument, "invalid_json", "The request body is not valid JSON.");
  return value;
}

core::Result<nlohmann::json> parse_json_object(const Request& req) {
  auto value = parse_json_body(req);
  if (value && !value->is_object())
    return core::fail(core::ErrorKind::invalid_argument, "invalid_body", "The request body must be a JSON object.");
  return value;
}

}  // namespace storyloom::http
