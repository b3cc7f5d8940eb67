// Amounts of money as integer minor units with an ISO 4217 currency; never floating point.
#pragma once

#include <cstdint>
#include <string>

namespace storyloom::core {

struct Money {
  std::int64_t minor = 0;   // cents, paise, ...
  std::string currency;     // ISO 4217, upper case: "USD", "EUR", "INR"

  bool operator==(const Money&) const = default;
};

// "12.99 USD" style for logs and emails; minor-unit digits from the currency (JPY has 0).
std::string format_money(const Money& m);
int minor_digits(const std::string& currency);

}  // namespace storyloom::core
