// The demo payment provider's checkout page (commerce/demo_provider.hpp): what the order costs,
// a Pay and a Decline button. Pressing one makes the webhook the demo provider signs with the
// shop's demo secret and hands it to the same intake as POST /webhooks/demo, then sends the
// buyer back to the web app (confirmation, or the checkout again after a decline).
#pragma once

#include "http/routes/commerce_routes.hpp"

namespace storyloom::http {

void add_demo_checkout_page(Router& router, const CommerceRoutes& routes);

}  // namespace storyloom::http
