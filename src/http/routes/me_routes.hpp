// /api/me: the signed-in user (GET), everything stored about them (GET /api/me/export), and
// account deletion (DELETE /api/me, which also clears the session cookie).
#pragma once

#include "http/auth.hpp"
#include "http/router.hpp"

namespace storyloom::http {

void add_me_routes(Router& router, const Auth& auth);

}  // namespace storyloom::http
