// /api/auth/*: sign-up, sign-in, sign-out (one / everywhere), password change, reset by mail,
// guest sessions and guest claims. Sign-up, sign-in and guest answer the session twice: as the
// HttpOnly cookie for the web app and as {"session": {"token": ...}} for API clients.
#pragma once

#include "http/auth.hpp"
#include "http/router.hpp"

namespace storyloom::http {

void add_auth_routes(Router& router, const Auth& auth);

}  // namespace storyloom::http
