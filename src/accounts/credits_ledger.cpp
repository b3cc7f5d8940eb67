#include "accounts/credits_ledger.hpp"

#include <charconv>

#include "accounts/unit_of_work.hpp"
#include "core/ids.hpp"

namespace storyloom::accounts {
namespace {

core::Result<std::int64_t> current_balance(sql::Connection& conn, std::string_view user_id) {
  auto row = conn.query_one("SELECT balance FROM credit_balances WHERE user_id = $1", {std::string(user_id)});
  if (!row) return std::unexpected(row.error());
  return *row ? (*row)->integer("balance") : 0;
}

core::Result<bool> already_booked(sql::Connection& conn, std::string_view user_id, CreditKind kind,
                                  std::string_view reference) {
  if (reference.empty()) return false;
  auto row = conn.query_one("SELECT 1 AS x FROM credit_entries WHERE user_id = $1 AND kind = $2 AND reference = $3",
                            {std::string(user_id), std::string(to_string(kind)), std::string(reference)});
  if (!row) return std::unexpected(row.error());
  return row->has_value();
}

// Books one entry: the conditional UPDATE is the whole concurrency story. Caller holds a write
// transaction.
core::Result<CreditChange> append(sql::Connection& conn, std::string_view user_id, std::int64_t delta,
                                  CreditKind kind, std::string_view reference, std::int64_t now) {
  const std::string user(user_id);
  auto booked = already_booked(conn, user_id, kind, reference);
  if (!booked) return std::unexpected(booked.error());
  if (*booked) {
    auto b = current_balance(conn, user_id);
    if (!b) return std::unexpected(b.error());
    return CreditChange{*b, false};
  }
  if (auto ok = conn.execute("INSERT INTO credit_balances (user_id, balance, last_seq) VALUES ($1, 0, 0) "
                             "ON CONFLICT (user_id) DO NOTHING",
                             {user});
      !ok)
    return std::unexpected(ok.error());
  auto row = conn.query_one(
      "UPDATE credit_balances SET balance = balance + $2, last_seq = last_seq + 1 "
      "WHERE user_id = $1 AND balance + $2 >= 0 RETURNING balance, last_seq",
      {user, delta});
  if (!row) return std::unexpected(row.error());
  if (!*row)
    return core::fail(core::ErrorKind::payment_required, "insufficient_credits",
                      "Not enough credits for this book.", {{"needed", -delta}});
  const std::int64_t balance = (*row)->integer("balance");
  auto ok = conn.execute(
      "INSERT INTO credit_entries (id, user_id, at, delta, kind, reference, balance_after, seq) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {core::new_id("cr"), user, now, delta, std::string(to_string(kind)),
       reference.empty() ? sql::null() : sql::Value(std::string(reference)), balance, (*row)->integer("last_seq")});
  if (!ok) return std::unexpected(ok.error());
  return CreditChange{balance, true};
}

core::Result<void> require_positive(std::int64_t amount) {
  if (amount <= 0 || amount > 1'000'000)
    return core::fail(core::ErrorKind::invalid_argument, "credit_amount_invalid", "The amount must be positive.");
  return {};
}

}  // namespace

std::string_view to_string(CreditKind k) {
  switch (k) {
    case CreditKind::trial: return "trial";
    case CreditKind::purchase: return "purchase";
    case CreditKind::consume: return "consume";
    case CreditKind::refund: return "refund";
    case CreditKind::grant: return "grant";
  }
  return "grant";
}

nlohmann::json to_json(const CreditEntry& e) {
  return {{"id", e.id},     {"at", e.at},
          {"delta", e.delta}, {"kind", to_string(e.kind)},
          {"reference", e.reference.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.reference)},
          {"balance_after", e.balance_after}};
}

core::Result<CreditChange> CreditsLedger::add_in(sql::Connection& conn, std::string_view user_id, std::int64_t amount,
                                                 CreditKind kind, std::string_view reference, std::int64_t now) {
  if (auto ok = require_positive(amount); !ok) return std::unexpected(ok.error());
  return append(conn, user_id, amount, kind, reference, now);
}

core::Result<CreditChange> CreditsLedger::add(std::string_view user_id, std::int64_t amount, CreditKind kind,
                                              std::string_view reference, std::int64_t now) {
  return in_transaction(*db_, [&](sql::Connection& c) { return add_in(c, user_id, amount, kind, reference, now); });
}

core::Result<CreditChange> CreditsLedger::consume_in(sql::Connection& conn, std::string_view user_id,
                                                     std::int64_t amount, std::string_view generation_id,
                                                     std::int64_t now) {
  if (auto ok = require_positive(amount); !ok) return std::unexpected(ok.error());
  if (generation_id.empty())
    return core::fail(core::ErrorKind::invalid_argument, "generation_id_missing", "A generation id is required.");
  return append(conn, user_id, -amount, CreditKind::consume, generation_id, now);
}

core::Result<CreditChange> CreditsLedger::consume(std::string_view user_id, std::int64_t amount,
                                                  std::string_view generation_id, std::int64_t now) {
  return in_transaction(*db_, [&](sql::Connection& c) { return consume_in(c, user_id, amount, generation_id, now); });
}

core::Result<CreditChange> CreditsLedger::refund_in(sql::Connection& conn, std::string_view user_id,
                                                    std::string_view generation_id, std::int64_t now) {
  auto row = conn.query_one("SELECT delta FROM credit_entries WHERE user_id = $1 AND kind = 'consume' AND reference = $2",
                            {std::string(user_id), std::string(generation_id)});
  if (!row) return std::unexpected(row.error());
  if (!*row)
    return core::fail(core::ErrorKind::not_found, "credit_consumption_not_found",
                      "No credits were consumed for this generation.");
  return append(conn, user_id, -(*row)->integer("delta"), CreditKind::refund, generation_id, now);
}

core::Result<CreditChange> CreditsLedger::refund(std::string_view user_id, std::string_view generation_id,
                                                 std::int64_t now) {
  return in_transaction(*db_, [&](sql::Connection& c) { return refund_in(c, user_id, generation_id, now); });
}

core::Result<std::int64_t> CreditsLedger::balance(std::string_view user_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  return current_balance(**conn, user_id);
}

namespace {

core::Result<std::int64_t> parse_cursor(std::optional<std::string_view> cursor) {
  if (!cursor || cursor->empty()) return INT64_MAX;
  std::int64_t seq = 0;
  auto [end, ec] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), seq);
  if (ec != std::errc() || end != cursor->data() + cursor->size() || seq <= 0)
    return core::fail(core::ErrorKind::invalid_argument, "cursor_invalid", "The cursor is not valid.");
  return seq;
}

CreditEntry entry_from(const sql::Row& r) {
  CreditEntry e;
  e.id = r.text("id");
  e.at = r.integer("at");
  e.delta = r.integer("delta");
  const std::string kind = r.text("kind");
  for (auto k : {CreditKind::trial, CreditKind::purchase, CreditKind::consume, CreditKind::refund, CreditKind::grant})
    if (to_string(k) == kind) e.kind = k;
  e.reference = r.optional_text("reference").value_or("");
  e.balance_after = r.integer("balance_after");
  e.seq = r.integer("seq");
  return e;
}

}  // namespace

core::Result<CreditPage> CreditsLedger::page(std::string_view user_id, int limit,
                                             std::optional<std::string_view> cursor) {
  if (limit < 1 || limit > 100)
    return core::fail(core::ErrorKind::invalid_argument, "limit_invalid", "limit must be between 1 and 100.");
  auto before = parse_cursor(cursor);
  if (!before) return std::unexpected(before.error());
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  CreditPage out;
  auto b = current_balance(**conn, user_id);
  if (!b) return std::unexpected(b.error());
  out.balance = *b;
  auto rows = (*conn)->query(
      "SELECT id, at, delta, kind, reference, balance_after, seq FROM credit_entries "
      "WHERE user_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3",
      {std::string(user_id), *before, std::int64_t{limit} + 1});
  if (!rows) return std::unexpected(rows.error());
  for (const auto& r : *rows) out.entries.push_back(entry_from(r));
  if (out.entries.size() > static_cast<std::size_t>(limit)) {
    out.entries.pop_back();
    out.next_cursor = std::to_string(out.entries.back().seq);
  }
  return out;
}

}  // namespace storyloom::accounts
