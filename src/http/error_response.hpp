// The error envelope every failing request answers with:
//   {"error": {"code": "...", "message": "...", "details": {...}, "request_id": "..."}}
// Internal errors never carry their message or details to the client.
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace storyloom::http {

Response error_response(const core::Error& error, std::string_view request_id);
inline Response error_response(const Request& req, const core::Error& error) {
  return error_response(error, req.request_id);
}
// Errors the server answers itself, before a request reaches the pipeline (which gives requests
// their id and security headers): a fresh X-Request-Id, and nosniff.
Response error_response_with_new_id(const core::Error& error);
// Shorthand for errors made on the spot.
Response error_response(const Request& req, core::ErrorKind kind, std::string code, std::string message,
                        nlohmann::json details = nlohmann::json::object());

// Answers the value as JSON with `status`, or the error as an envelope.
template <class T>
Response result_response(const Request& req, const core::Result<T>& result, int status = 200) {
  if (!result) return error_response(req, result.error());
  return Response::json(status, nlohmann::json(*result));
}

}  // namespace storyloom::http
