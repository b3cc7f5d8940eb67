// The one error type that crosses module boundaries: a stable machine code, a sentence for
// people, optional structured details, and a kind that the HTTP layer maps to a status.
#pragma once

#include <expected>
#include <string>

#include <nlohmann/json.hpp>

namespace storyloom::core {

// What sort of failure this is; http/error_mapping.cpp maps each kind to one HTTP status.
enum class ErrorKind {
  invalid_argument,   // 400: the request is malformed or a value is out of range
  unauthenticated,    // 401
  payment_required,   // 402: e.g. insufficient credits
  forbidden,          // 403
  not_found,          // 404 (also for objects that belong to someone else)
  method_not_allowed, // 405
  conflict,           // 409: illegal state transition, duplicate
  gone,               // 410
  too_large,          // 413
  unsupported,        // 415
  unprocessable,      // 422: well-formed but unusable (corrupt photo, ...)
  rate_limited,       // 429
  unavailable,        // 503: a dependency is down; retry later
  internal,           // 500: a bug; never carries internals to the client
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;     // stable snake_case identifier, e.g. "photo_no_face"
  std::string message;  // one sentence a person understands
  nlohmann::json details = nlohmann::json::object();

  Error with_details(nlohmann::json d) const& {
    Error e = *this;
    e.details = std::move(d);
    return e;
  }
};

template <class T>
using Result = std::expected<T, Error>;

// Builds the unexpected branch of a Result: `return core::fail(ErrorKind::not_found, "book_not_found", "...");`
inline std::unexpected<Error> fail(ErrorKind kind, std::string code, std::string message,
                                   nlohmann::json details = nlohmann::json::object()) {
  return std::unexpected<Error>(Error{kind, std::move(code), std::move(message), std::move(details)});
}
inline std::unexpected<Error> fail(Error error) { return std::unexpected<Error>(std::move(error)); }

const char* to_string(ErrorKind kind);

}  // namespace storyloom::core
