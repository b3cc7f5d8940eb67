// Credits for usage-based shops: an append-only ledger (credit_entries) and a balance row per
// user (credit_balances). Consuming is one conditional UPDATE (balance >= n) in a transaction
// with the ledger insert, so concurrent consumers can never drive the balance negative.
// Every entry with a reference is unique per (user, kind, reference): consuming twice for one
// generation, refunding twice, or booking one purchase twice changes nothing the second time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "sql/connection.hpp"
#include "sql/database.hpp"

namespace storyloom::accounts {

enum class CreditKind { trial, purchase, consume, refund, grant };
std::string_view to_string(CreditKind k);

struct CreditEntry {
  std::string id;
  std::int64_t at = 0;
  std::int64_t delta = 0;
  CreditKind kind = CreditKind::grant;
  std::string reference;
  std::int64_t balance_after = 0;
  std::int64_t seq = 0;
};
nlohmann::json to_json(const CreditEntry& e);

struct CreditPage {
  std::int64_t balance = 0;
  std::vector<CreditEntry> entries;   // newest first
  std::optional<std::string> next_cursor;
};

struct CreditChange {
  std::int64_t balance = 0;   // after the change
  bool applied = true;        // false when the reference had already been booked
};

class CreditsLedger {
 public:
  explicit CreditsLedger(std::shared_ptr<sql::Database> db) : db_(std::move(db)) {}

  // Adds credits (trial, purchase, grant). amount > 0. Idempotent per reference when given.
  core::Result<CreditChange> add(std::string_view user_id, std::int64_t amount, CreditKind kind,
                                 std::string_view reference, std::int64_t now);
  // Takes `amount` for a generation. payment_required (insufficient_credits) when the balance is
  // short; idempotent per generation id (a second call answers applied=false, takes nothing).
  core::Result<CreditChange> consume(std::string_view user_id, std::int64_t amount, std::string_view generation_id,
                                     std::int64_t now);
  // Gives back what `generation_id` consumed, once. not_found (credit_consumption_not_found)
  // when nothing was consumed for it; applied=false on every later call.
  core::Result<CreditChange> refund(std::string_view user_id, std::string_view generation_id, std::int64_t now);

  core::Result<std::int64_t> balance(std::string_view user_id);
  // limit 1..100 (invalid_argument limit_invalid otherwise); cursor from a previous page.
  core::Result<CreditPage> page(std::string_view user_id, int limit, std::optional<std::string_view> cursor);

  // The same operations inside a caller's transaction (sign-up grants trial credits atomically;
  // starting a book consumes one together with the book's row).
  static core::Result<CreditChange> add_in(sql::Connection& conn, std::string_view user_id, std::int64_t amount,
                                           CreditKind kind, std::string_view reference, std::int64_t now);
  static core::Result<CreditChange> consume_in(sql::Connection& conn, std::string_view user_id, std::int64_t amount,
                                               std::string_view generation_id, std::int64_t now);
  static core::Result<CreditChange> refund_in(sql::Connection& conn, std::string_view user_id,
                                              std::string_view generation_id, std::int64_t now);

 private:
  std::shared_ptr<sql::Database> db_;
};

}  // namespace storyloom::accounts
