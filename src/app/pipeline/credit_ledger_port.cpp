#include "app/pipeline/credit_ledger_port.hpp"

#include "accounts/credits_ledger.hpp"

namespace storyloom::app {

core::Result<void> AccountsCreditPort::charge(sql::Connection& conn, std::string_view owner_id,
                                              std::string_view reference) {
  auto taken = accounts::CreditsLedger::consume_in(conn, owner_id, 1, reference, clock_.unix_seconds());
  if (!taken) return std::unexpected(taken.error());
  return {};
}

core::Result<void> AccountsCreditPort::refund(sql::Connection& conn, std::string_view owner_id,
                                              std::string_view reference) {
  auto given = accounts::CreditsLedger::refund_in(conn, owner_id, reference, clock_.unix_seconds());
  if (!given) return std::unexpected(given.error());
  return {};
}

}  // namespace storyloom::app
