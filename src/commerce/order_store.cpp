#include "commerce/order_store.hpp"

#include <charconv>

#include <fmt/format.h>

#include "core/ids.hpp"

namespace storyloom::commerce {
namespace {

using sql::Value;

constexpr std::string_view kColumns =
    "id, user_id, book_id, email, status, total_minor, currency, provider, provider_ref, provider_payment_ref, "
    "checkout_url, idempotency_key, shipping_address, tracking, created_at, updated_at";

Value text_or_null(const std::string& s) { return s.empty() ? Value(nullptr) : Value(s); }

Order order_from_row(const sql::Row& r) {
  Order o;
  o.id = r.text("id");
  o.user_id = r.text("user_id");
  o.book_id = r.text("book_id");
  o.email = r.text("email");
  o.status = parse_order_status(r.text("status")).value_or(OrderStatus::pending);
  o.total = {r.integer("total_minor"), r.text("currency")};
  o.provider = r.text("provider");
  o.provider_ref = r.optional_text("provider_ref").value_or("");
  o.provider_payment_ref = r.optional_text("provider_payment_ref").value_or("");
  o.checkout_url = r.optional_text("checkout_url").value_or("");
  o.idempotency_key = r.text("idempotency_key");
  if (auto a = r.optional_text("shipping_address")) {
    auto parsed = shipping_address_from_json(nlohmann::json::parse(*a, nullptr, false));
    if (parsed) o.shipping = *parsed;
  }
  if (auto t = r.optional_text("tracking")) o.tracking = nlohmann::json::parse(*t, nullptr, false);
  o.created_at = r.integer("created_at");
  o.updated_at = r.integer("updated_at");
  return o;
}

core::Result<void> load_children(sql::Connection& conn, Order& o) {
  auto items = conn.query("SELECT * FROM order_items WHERE order_id = $1 ORDER BY position", {o.id});
  if (!items) return std::unexpected(items.error());
  for (const auto& r : *items)
    o.items.push_back({r.text("id"), r.text("product_id"), r.text("kind"), r.text("name"),
                       static_cast<int>(r.integer("quantity")), {r.integer("unit_price_minor"), r.text("currency")}});
  auto history = conn.query("SELECT * FROM order_status_history WHERE order_id = $1 ORDER BY seq", {o.id});
  if (!history) return std::unexpected(history.error());
  for (const auto& r : *history)
    o.history.push_back({parse_order_status(r.text("status")).value_or(OrderStatus::pending), r.integer("at"),
                         r.text("reason")});
  return {};
}

core::Result<std::optional<Order>> find_where(sql::Connection& conn, std::string_view where, const sql::Params& params) {
  auto row = conn.query_one(fmt::format("SELECT {} FROM orders WHERE {}", kColumns, where), params);
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<Order>{};
  Order o = order_from_row(**row);
  if (auto loaded = load_children(conn, o); !loaded) return std::unexpected(loaded.error());
  return std::optional<Order>{std::move(o)};
}

core::Result<void> append_history(sql::Connection& conn, std::string_view order_id, OrderStatus status,
                                  std::string_view reason, std::int64_t now) {
  auto r = conn.execute("INSERT INTO order_status_history (id, order_id, seq, status, at, reason) VALUES ($1, $2, "
                        "(SELECT COUNT(*) + 1 FROM order_status_history WHERE order_id = $2), $3, $4, $5)",
                        {core::new_id("osh"), std::string(order_id), std::string(to_string(status)), now,
                         std::string(reason)});
  if (!r) return std::unexpected(r.error());
  return {};
}

// Cursor "created_at.id" of the last order on the previous page.
bool parse_cursor(std::string_view cursor, std::int64_t& at, std::string& id) {
  const auto dot = cursor.find('.');
  if (dot == std::string_view::npos) return false;
  const auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + dot, at);
  id = std::string(cursor.substr(dot + 1));
  return ec == std::errc{} && end == cursor.data() + dot && !id.empty();
}

}  // namespace

core::Result<void> OrderStore::insert(sql::Connection& conn, const Order& o) {
  auto r = conn.execute(
      fmt::format("INSERT INTO orders ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
                  kColumns),
      {o.id, o.user_id, o.book_id, o.email, std::string(to_string(o.status)), o.total.minor, o.total.currency,
       o.provider, text_or_null(o.provider_ref), text_or_null(o.provider_payment_ref), text_or_null(o.checkout_url),
       o.idempotency_key, o.shipping ? Value(to_json(*o.shipping).dump()) : Value(nullptr),
       o.tracking.is_null() ? Value(nullptr) : Value(o.tracking.dump()), o.created_at, o.updated_at});
  if (!r) {
    if (r.error().kind == core::ErrorKind::conflict)
      return core::fail(core::ErrorKind::conflict, "order_duplicate", "An order with this idempotency key exists.");
    return std::unexpected(r.error());
  }
  for (std::size_t n = 0; n < o.items.size(); ++n) {
    const OrderItem& i = o.items[n];
    auto item = conn.execute(
        "INSERT INTO order_items (id, order_id, position, product_id, kind, name, quantity, unit_price_minor, currency) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {i.id.empty() ? core::new_id("oi") : i.id, o.id, static_cast<std::int64_t>(n), i.product_id, i.kind, i.name, std::int64_t{i.quantity},
         i.unit_price.minor, i.unit_price.currency});
    if (!item) return std::unexpected(item.error());
  }
  return append_history(conn, o.id, o.status, "created", o.created_at);
}

core::Result<std::optional<Order>> OrderStore::find(sql::Connection& conn, std::string_view id) {
  return find_where(conn, "id = $1", {std::string(id)});
}

core::Result<std::optional<Order>> OrderStore::find_by_idempotency_key(sql::Connection& conn, std::string_view user_id,
                                                                       std::string_view key) {
  return find_where(conn, "user_id = $1 AND idempotency_key = $2", {std::string(user_id), std::string(key)});
}

core::Result<std::optional<Order>> OrderStore::find_by_provider_ref(sql::Connection& conn, std::string_view provider,
                                                                    std::string_view ref) {
  if (ref.empty()) return std::optional<Order>{};
  return find_where(conn, "provider = $1 AND (provider_ref = $2 OR provider_payment_ref = $2) ORDER BY created_at DESC LIMIT 1",
                    {std::string(provider), std::string(ref)});
}

core::Result<std::optional<Order>> OrderStore::find_paid_for_book(sql::Connection& conn, std::string_view book_id) {
  return find_where(conn,
                    "book_id = $1 AND status IN ('paid', 'fulfilled', 'awaiting_print_partner') "
                    "ORDER BY created_at DESC, id DESC LIMIT 1",
                    {std::string(book_id)});
}

core::Result<OrderPage> OrderStore::list_for_user(sql::Connection& conn, std::string_view user_id, int limit,
                                                  std::string_view cursor) {
  limit = std::clamp(limit, 1, 100);
  std::int64_t at = INT64_MAX;
  std::string last_id = "\x7f";
  if (!cursor.empty() && !parse_cursor(cursor, at, last_id))
    return core::fail(core::ErrorKind::invalid_argument, "cursor_invalid", "The page cursor is not valid.");
  auto rows = conn.query(fmt::format("SELECT {} FROM orders WHERE user_id = $1 AND (created_at < $2 OR "
                                     "(created_at = $2 AND id < $3)) ORDER BY created_at DESC, id DESC LIMIT $4",
                                     kColumns),
                         {std::string(user_id), at, last_id, std::int64_t{limit + 1}});
  if (!rows) return std::unexpected(rows.error());
  OrderPage page;
  for (std::size_t i = 0; i < rows->size() && i < static_cast<std::size_t>(limit); ++i) {
    Order o = order_from_row((*rows)[i]);
    if (auto loaded = load_children(conn, o); !loaded) return std::unexpected(loaded.error());
    page.orders.push_back(std::move(o));
  }
  if (rows->size() > static_cast<std::size_t>(limit))
    page.next_cursor = fmt::format("{}.{}", page.orders.back().created_at, page.orders.back().id);
  return page;
}

core::Result<bool> OrderStore::transition(sql::Connection& conn, std::string_view id, OrderStatus from, OrderStatus to,
                                          std::string_view reason, std::int64_t now) {
  if (!can_transition(from, to)) return false;
  // The status guard makes a concurrent mover lose cleanly instead of skipping an edge.
  auto changed = conn.execute("UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
                              {std::string(to_string(to)), now, std::string(id), std::string(to_string(from))});
  if (!changed) return std::unexpected(changed.error());
  if (*changed == 0) return false;
  if (auto h = append_history(conn, id, to, reason, now); !h) return std::unexpected(h.error());
  return true;
}

core::Result<void> OrderStore::set_checkout(sql::Connection& conn, std::string_view id, std::string_view provider_ref,
                                            std::string_view checkout_url, std::int64_t now) {
  auto r = conn.execute("UPDATE orders SET provider_ref = $1, checkout_url = $2, updated_at = $3 WHERE id = $4",
                        {std::string(provider_ref), std::string(checkout_url), now, std::string(id)});
  if (!r) return std::unexpected(r.error());
  return {};
}

core::Result<void> OrderStore::set_payment_ref(sql::Connection& conn, std::string_view id, std::string_view ref,
                                               std::int64_t now) {
  if (ref.empty()) return {};
  auto r = conn.execute(
      "UPDATE orders SET provider_payment_ref = $1, updated_at = $2 WHERE id = $3 AND provider_payment_ref IS NULL",
      {std::string(ref), now, std::string(id)});
  if (!r) return std::unexpected(r.error());
  return {};
}

}  // namespace storyloom::commerce
