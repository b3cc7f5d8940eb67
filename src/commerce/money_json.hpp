// How the API shows an amount of money: {"amount_minor": 1499, "currency": "USD",
// "formatted": "14.99 USD"} — integer minor units (never floating point) plus a display string.
#pragma once

#include <nlohmann/json.hpp>

#include "core/money.hpp"

namespace storyloom::commerce {

nlohmann::json money_json(const core::Money& m);

}  // namespace storyloom::commerce
