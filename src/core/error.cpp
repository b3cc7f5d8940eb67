#include "core/error.hpp"

namespace storyloom::core {

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_argument: return "invalid_argument";
    case ErrorKind::unauthenticated: return "unauthenticated";
    case ErrorKind::payment_required: return "payment_required";
    case ErrorKind::forbidden: return "forbidden";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::method_not_allowed: return "method_not_allowed";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::gone: return "gone";
    case ErrorKind::too_large: return "too_large";
    case ErrorKind::unsupported: return "unsupported";
    case ErrorKind::unprocessable: return "unprocessable";
    case ErrorKind::rate_limited: return "rate_limited";
    case ErrorKind::unavailable: return "unavailable";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

}  // namespace storyloom::core
