// GET /api/credits?limit=1..100&cursor=...: the balance and the ledger, newest first.
#pragma once

#include "accounts/credits_ledger.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"

namespace storyloom::http {

void add_credits_routes(Router& router, const Auth& auth, accounts::CreditsLedger& credits);

}  // namespace storyloom::http
