#include "commerce/money_json.hpp"

namespace storyloom::commerce {

nlohmann::json money_json(const core::Money& m) {
  return {{"amount_minor", m.minor}, {"currency", m.currency}, {"formatted", core::format_money(m)}};
}

}  // namespace storyloom::commerce
