#include "http/error_response.hpp"

#include "core/crypto.hpp"
#include "http/error_mapping.hpp"

namespace storyloom::http {

Response error_response(const core::Error& error, std::string_view request_id) {
  const int status = status_for(error.kind);
  nlohmann::json body;
  auto& e = body["error"];
  if (error.kind == core::ErrorKind::internal) {
    // The cause stays in the log (with this request id); the client learns nothing internal.
    e["code"] = "internal_error";
    e["message"] = "Something went wrong on our side. Please try again later.";
    e["details"] = nlohmann::json::object();
  } else {
    e["code"] = error.code;
    e["message"] = error.message;
    e["details"] = error.details.is_null() ? nlohmann::json::object() : error.details;
  }
  e["request_id"] = request_id;
  return Response::json(status, body);
}

Response error_response_with_new_id(const core::Error& error) {
  const std::string id = "req_" + core::random_token(12);
  Response res = error_response(error, id);
  res.headers.set("X-Request-Id", id);
  res.headers.set("X-Content-Type-Options", "nosniff");
  return res;
}

Response error_response(const Request& req, core::ErrorKind kind, std::string code, std::string message,
                        nlohmann::json details) {
  return error_response(core::Error{kind, std::move(code), std::move(message), std::move(details)}, req.request_id);
}

}  // namespace storyloom::http
