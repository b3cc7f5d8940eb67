// /api/children: a parent's children (list, create, read, update, delete). Another account's
// child answers 404 child_not_found, exactly like an id that does not exist.
#pragma once

#include "accounts/children.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"

namespace storyloom::http {

void add_children_routes(Router& router, const Auth& auth, accounts::Children& children);

}  // namespace storyloom::http
