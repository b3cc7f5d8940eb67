#include "commerce/payment_provider.hpp"

namespace storyloom::commerce {

core::Error signature_invalid(std::string_view reason) {
  return core::Error{core::ErrorKind::invalid_argument, "webhook_signature_invalid",
                     "The webhook signature is missing or not valid.", {{"reason", reason}}};
}

core::Error payload_invalid(std::string_view reason) {
  return core::Error{core::ErrorKind::invalid_argument, "webhook_payload_invalid",
                     "The webhook body is not what this provider sends.", {{"reason", reason}}};
}

}  // namespace storyloom::commerce
