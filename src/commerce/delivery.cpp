#include "commerce/delivery.hpp"

#include <fmt/format.h>

#include "commerce/order_store.hpp"
#include "commerce/webhook_processor.hpp"
#include "core/log.hpp"
#include "sql/transaction.hpp"

namespace storyloom::commerce {
namespace {
using core::ErrorKind;

std::string absolute(const std::string& base, const std::string& url) {
  return url.starts_with('/') && !base.empty() ? base + url : url;
}

// A book the pipeline has finished: its print PDF is assembled and delivered.
bool is_finished(core::BookStatus s) {
  using enum core::BookStatus;
  return s == ready || s == printing || s == shipped || s == delivered;
}
}  // namespace

const std::vector<std::string>& delivered_mail_placeholders() {
  static const std::vector<std::string> names{"title", "child_name", "link", "library_link", "valid_days",
                                              "order_id", "total"};
  return names;
}

core::Result<std::string> Delivery::signed_copy(const Order& order, const BookFacts& book) {
  if (book.final_pdf_key.empty())
    return core::fail(ErrorKind::unavailable, "book_pdf_missing", "The book's PDF is not assembled yet.");
  const std::string key = fmt::format("{}{}.pdf", delivery_prefix(order.id), book.id);
  auto present = blobs_.exists(key);
  if (!present) return std::unexpected(present.error());
  if (!*present) {
    auto bytes = blobs_.get(book.final_pdf_key);
    if (!bytes) return std::unexpected(bytes.error());
    if (auto put = blobs_.put(key, *bytes); !put) return std::unexpected(put.error());
  }
  return blobs_.signed_url(key, options_.link_ttl);
}

core::Result<void> Delivery::mail_link(const Order& order, const BookFacts& book, const std::string& url) {
  if (order.email.empty()) {
    core::log_warn("delivery without an email address", {{"order_id", order.id}});
    return {};
  }
  const auto days = std::chrono::duration_cast<std::chrono::hours>(options_.link_ttl).count() / 24;
  return mail_.send(delivered_mail_.render(
      order.email, "book_delivered",
      {{"title", book.title.empty() ? "Your book" : book.title}, {"child_name", book.child_name.empty() ? "your child" : book.child_name},
       {"link", absolute(options_.link_base, url)}, {"library_link", absolute(options_.link_base, options_.library_url)}, {"valid_days", std::to_string(days)},
       {"order_id", order.id}, {"total", core::format_money(order.total)}}));
}

core::Result<DeliveredBook> Delivery::deliver(std::string_view book_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto order = OrderStore::find_paid_for_book(**conn, book_id);
  if (!order) return std::unexpected(order.error());
  if (!*order) return core::fail(ErrorKind::conflict, "book_not_paid", "This book has no paid order.");
  auto book = books_.find_book(**conn, book_id);
  if (!book) return std::unexpected(book.error());
  if (!*book) return core::fail(ErrorKind::not_found, "book_not_found", "We could not find this book.");
  auto url = signed_copy(**order, **book);
  if (!url) return std::unexpected(url.error());
  if ((*order)->status != OrderStatus::paid) return DeliveredBook{(*order)->id, *url, false};

  // Mail first, then record: a crash in between mails twice rather than never.
  if (auto mailed = mail_link(**order, **book, *url); !mailed) return std::unexpected(mailed.error());
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  const auto next = (*order)->is_printed() ? OrderStatus::awaiting_print_partner : OrderStatus::fulfilled;
  auto moved = OrderStore::transition(**conn, (*order)->id, OrderStatus::paid, next, "delivered", clock_.unix_seconds());
  if (!moved) return std::unexpected(moved.error());
  if (auto committed = tx->commit(); !committed) return std::unexpected(committed.error());
  core::log_info("book delivered", {{"order_id", (*order)->id}, {"book_id", book_id}});
  return DeliveredBook{(*order)->id, *url, true};
}

core::Result<std::string> Delivery::download_link(std::string_view user_id, std::string_view book_id,
                                                  std::string_view format) {
  if (format != "pdf")
    return core::fail(ErrorKind::invalid_argument, "download_format_unsupported", "Books download as PDF.",
                      {{"field", "format"}});
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto book = books_.find_book(**conn, book_id);
  if (!book) return std::unexpected(book.error());
  if (!*book || (*book)->owner_id != user_id)
    return core::fail(ErrorKind::not_found, "book_not_found", "We could not find this book.");
  auto order = OrderStore::find_paid_for_book(**conn, book_id);
  if (!order) return std::unexpected(order.error());
  if (!*order) return core::fail(ErrorKind::forbidden, "book_not_paid", "This book has not been bought.");
  if (!is_finished((*book)->status) || (*book)->final_pdf_key.empty())
    return core::fail(ErrorKind::conflict, "book_not_ready", "The book is still being finished. Try again shortly.");
  return signed_copy(**order, **book);
}

}  // namespace storyloom::commerce
