#include "core/money.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace storyloom::core {

int minor_digits(const std::string& currency) {
  if (currency == "JPY" || currency == "KRW" || currency == "VND" || currency == "CLP" || currency == "ISK")
    return 0;
  if (currency == "BHD" || currency == "KWD" || currency == "OMR" || currency == "JOD" || currency == "TND")
    return 3;
  return 2;
}

std::string format_money(const Money& m) {
  const int digits = minor_digits(m.currency);
  if (digits == 0) return fmt::format("{} {}", m.minor, m.currency);
  std::int64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  const std::int64_t whole = std::llabs(m.minor) / scale, frac = std::llabs(m.minor) % scale;
  return fmt::format("{}{}.{:0{}} {}", m.minor < 0 ? "-" : "", whole, frac, digits, m.currency);
}

}  // namespace storyloom::core
