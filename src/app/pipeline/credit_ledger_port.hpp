// books::CreditLedgerPort over the accounts credits ledger, for shops that sell credits: a book
// run consumes one credit (reference book:<id>:run:<n>) in the transaction that starts it, and a
// book that fails gets it back once.
#pragma once

#include "books/ports.hpp"
#include "core/clock.hpp"

namespace storyloom::app {

class AccountsCreditPort final : public books::CreditLedgerPort {
 public:
  explicit AccountsCreditPort(const core::Clock& clock) : clock_(clock) {}
  // payment_required insufficient_credits when the owner has none left.
  core::Result<void> charge(sql::Connection& conn, std::string_view owner_id, std::string_view reference) override;
  core::Result<void> refund(sql::Connection& conn, std::string_view owner_id, std::string_view reference) override;

 private:
  const core::Clock& clock_;
};

}  // namespace storyloom::app
