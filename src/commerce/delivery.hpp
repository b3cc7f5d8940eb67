// Handing the finished book to its buyer. deliver() is the pipeline's last step after payment
// (the jobs module's `deliver` job calls it): it makes a signed download link valid 30 days,
// mails it (HTML + text), and moves the order to fulfilled, or to awaiting_print_partner for a
// printed book. The book's own finalizing → ready belongs to the pipeline that calls it.
// download_link() serves GET /api/books/{id}/download for the owner of a paid, finished book.
// Links point at a per-order copy under deliveries/<order>/, which a refund removes, so a
// refunded order's mailed links stop working too.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "blob/store.hpp"
#include "commerce/book_unlock_port.hpp"
#include "commerce/mail_port.hpp"
#include "commerce/mail_template.hpp"
#include "commerce/order.hpp"
#include "core/clock.hpp"
#include "sql/database.hpp"

namespace storyloom::commerce {

struct DeliveryOptions {
  std::chrono::seconds link_ttl = std::chrono::hours(24 * 30);
  std::string library_url = "/library";
  // Prefixes relative links in the mail (a mail client has no page to resolve them against):
  // the shop's public base URL, e.g. "https://shop.example". Empty: links stay as they are.
  std::string link_base;
};

struct DeliveredBook {
  std::string order_id;
  std::string download_url;
  bool mailed = false;   // false on a re-run after the order was already fulfilled
};

class Delivery {
 public:
  Delivery(std::shared_ptr<sql::Database> db, BookUnlockPort& books, blob::Store& blobs, MailPort& mail,
           MailTemplate delivered_mail, const core::Clock& clock, DeliveryOptions options = {})
      : db_(std::move(db)), books_(books), blobs_(blobs), mail_(mail), delivered_mail_(std::move(delivered_mail)),
        clock_(clock), options_(std::move(options)) {}

  // conflict `book_not_paid` without a paid order; unavailable `book_pdf_missing` while the
  // print PDF is not assembled yet (the job retries). Idempotent: mails once per order.
  core::Result<DeliveredBook> deliver(std::string_view book_id);

  // A fresh signed URL for the owner of a paid book that is ready (or printing, shipped,
  // delivered). not_found `book_not_found` (missing or someone else's), forbidden `book_not_paid`
  // (never paid, refunded or cancelled), conflict `book_not_ready` while it is being finished,
  // invalid_argument `download_format_unsupported`.
  core::Result<std::string> download_link(std::string_view user_id, std::string_view book_id, std::string_view format);

 private:
  core::Result<std::string> signed_copy(const Order& order, const BookFacts& book);
  core::Result<void> mail_link(const Order& order, const BookFacts& book, const std::string& url);

  std::shared_ptr<sql::Database> db_;
  BookUnlockPort& books_;
  blob::Store& blobs_;
  MailPort& mail_;
  MailTemplate delivered_mail_;
  const core::Clock& clock_;
  DeliveryOptions options_;
};

// The placeholders catalog/mail/book-delivered.json may use.
const std::vector<std::string>& delivered_mail_placeholders();

}  // namespace storyloom::commerce
