// The pipeline's last step after payment (books::DeliveryPort) over commerce::Delivery: a signed
// download link valid 30 days, mailed as HTML + text, and the order moved to fulfilled (digital)
// or awaiting_print_partner (printed). The pipeline then marks the book ready. Wire it with
//   ports.delivery = &services->commerce->delivery_port;
#pragma once

#include "books/ports.hpp"
#include "commerce/delivery.hpp"

namespace storyloom::app {

class DeliveryForBooks final : public books::DeliveryPort {
 public:
  explicit DeliveryForBooks(commerce::Delivery& delivery) : delivery_(delivery) {}

  // Idempotent per book (commerce mails once per order). conflict book_not_paid without a paid
  // order, unavailable book_pdf_missing before the print PDF exists: the step retries.
  core::Result<void> deliver(std::string_view book_id, std::string_view owner_id,
                             std::string_view print_pdf_key) override;

 private:
  commerce::Delivery& delivery_;
};

}  // namespace storyloom::app
