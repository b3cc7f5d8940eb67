#include "app/delivery_for_books.hpp"

namespace storyloom::app {

// owner_id and print_pdf_key are what the pipeline knows; Delivery reads both again from the
// order and the book in its own transaction, so they cannot disagree with what it mails.
core::Result<void> DeliveryForBooks::deliver(std::string_view book_id, std::string_view, std::string_view) {
  auto delivered = delivery_.deliver(book_id);
  if (!delivered) return std::unexpected(delivered.error());
  return {};
}

}  // namespace storyloom::app
