#include "http/error_mapping.hpp"

namespace storyloom::http {

int status_for(core::ErrorKind kind) {
  using K = core::ErrorKind;
  switch (kind) {
    case K::invalid_argument: return 400;
    case K::unauthenticated: return 401;
    case K::payment_required: return 402;
    case K::forbidden: return 403;
    case K::not_found: return 404;
    case K::method_not_allowed: return 405;
    case K::conflict: return 409;
    case K::gone: return 410;
    case K::too_large: return 413;
    case K::unsupported: return 415;
    case K::unprocessable: return 422;
    case K::rate_limited: return 429;
    case K::unavailable: return 503;
    case K::internal: return 500;
  }
  return 500;
}

}  // namespace storyloom::http
