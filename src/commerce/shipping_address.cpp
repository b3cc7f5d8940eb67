#include "commerce/shipping_address.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <utility>

#include "core/text.hpp"

namespace storyloom::commerce {
namespace {

// ISO 3166-1 alpha-2 officially assigned codes, sorted (binary search).
constexpr std::string_view kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW "
    "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI "
    "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN "
    "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME "
    "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF "
    "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE "
    "YT ZA ZM ZW";

// Postal code shapes where they are simple and stable (the Universal Postal Union's formats);
// other countries only need a non-empty code of sane length. Example codes go into messages.
struct PostalRule {
  std::string_view country, pattern, example;
};
constexpr std::array kPostalRules{
    PostalRule{"US", R"(\d{5}(-\d{4})?)", "94103 or 94103-1234"},
    PostalRule{"GB", R"([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})", "SW1A 1AA"},
    PostalRule{"CA", R"([A-Z]\d[A-Z] ?\d[A-Z]\d)", "K1A 0B1"},
    PostalRule{"DE", R"(\d{5})", "10115"},
    PostalRule{"FR", R"(\d{5})", "75001"},
    PostalRule{"ES", R"(\d{5})", "28001"},
    PostalRule{"IT", R"(\d{5})", "00118"},
    PostalRule{"NL", R"(\d{4} ?[A-Z]{2})", "1012 AB"},
    PostalRule{"BE", R"(\d{4})", "1000"},
    PostalRule{"AT", R"(\d{4})", "1010"},
    PostalRule{"CH", R"(\d{4})", "8001"},
    PostalRule{"AU", R"(\d{4})", "2000"},
    PostalRule{"NZ", R"(\d{4})", "6011"},
    PostalRule{"IN", R"(\d{6})", "110001"},
    PostalRule{"JP", R"(\d{3}-?\d{4})", "100-0001"},
    PostalRule{"SE", R"(\d{3} ?\d{2})", "114 55"},
    PostalRule{"PL", R"(\d{2}-\d{3})", "00-950"},
    PostalRule{"BR", R"(\d{5}-?\d{3})", "01310-100"},
};
// Countries whose addresses have no postal code.
constexpr std::array<std::string_view, 8> kNoPostalCode{"AE", "AG", "BS", "BZ", "HK", "QA", "FJ", "GH"};

std::string trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

// Control characters would end up on a shipping label (or in a CSV to a print partner).
void check_control_characters(const ShippingAddress& a, nlohmann::json& fields) {
  const std::pair<const char*, const std::string*> all[] = {
      {"name", &a.name}, {"line1", &a.line1}, {"line2", &a.line2}, {"city", &a.city},
      {"region", &a.region}, {"postal_code", &a.postal_code}, {"phone", &a.phone}};
  for (const auto& [name, value] : all)
    if (std::any_of(value->begin(), value->end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
      fields[name] = "This field contains characters we cannot print.";
}

void check_postal_code(const ShippingAddress& a, nlohmann::json& fields) {
  const bool none = std::find(kNoPostalCode.begin(), kNoPostalCode.end(), a.country) != kNoPostalCode.end();
  if (a.postal_code.empty()) {
    if (!none) fields["postal_code"] = "Please enter the postal code.";
    return;
  }
  if (a.postal_code.size() > 12) {
    fields["postal_code"] = "This postal code is too long.";
    return;
  }
  for (const auto& rule : kPostalRules) {
    if (rule.country != a.country) continue;
    if (!std::regex_match(a.postal_code, std::regex(std::string(rule.pattern))))
      fields["postal_code"] = "This doesn't look like a postal code for this country (for example " +
                              std::string(rule.example) + ").";
  }
}

void check_phone(const ShippingAddress& a, bool required, nlohmann::json& fields) {
  if (a.phone.empty()) {
    if (required) fields["phone"] = "The carrier needs a phone number for this delivery.";
    return;
  }
  static const std::regex kPhone(R"(\+?[0-9 ()./-]{6,20})");
  const auto digits = std::count_if(a.phone.begin(), a.phone.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!std::regex_match(a.phone, kPhone) || digits < 6)
    fields["phone"] = "Please enter a phone number with digits only, e.g. +44 20 7946 0000.";
}

}  // namespace

bool is_iso_country(std::string_view code) {
  if (code.size() != 2) return false;
  for (std::size_t i = 0; i + 2 <= kCountries.size(); i += 3)
    if (kCountries.substr(i, 2) == code) return true;
  return false;
}

core::Result<ShippingAddress> validate_shipping_address(ShippingAddress a, bool phone_required) {
  for (std::string* f : {&a.name, &a.line1, &a.line2, &a.city, &a.region, &a.postal_code, &a.country, &a.phone})
    *f = trim(std::move(*f));
  a.country = core::ascii_upper(std::move(a.country));
  a.postal_code = core::ascii_upper(std::move(a.postal_code));

  nlohmann::json fields = nlohmann::json::object();
  if (a.name.empty() || a.name.size() > 100) fields["name"] = "Please enter the name of the person receiving the book.";
  if (a.line1.empty() || a.line1.size() > 200) fields["line1"] = "Please enter the street and house number.";
  if (a.line2.size() > 200) fields["line2"] = "This line is too long.";
  if (a.city.empty() || a.city.size() > 100) fields["city"] = "Please enter the town or city.";
  if (a.region.size() > 100) fields["region"] = "This region is too long.";
  if (!is_iso_country(a.country)) {
    fields["country"] = "Please enter the two-letter country code, e.g. GB, US or DE.";
  } else {
    check_postal_code(a, fields);
  }
  check_phone(a, phone_required, fields);
  check_control_characters(a, fields);
  if (!fields.empty())
    return core::fail(core::ErrorKind::invalid_argument, "shipping_address_invalid",
                      "Please check the shipping address.", {{"fields", fields}});
  return a;
}

nlohmann::json to_json(const ShippingAddress& a) {
  return {{"name", a.name},     {"line1", a.line1},   {"line2", a.line2},
          {"city", a.city},     {"region", a.region}, {"postal_code", a.postal_code},
          {"country", a.country}, {"phone", a.phone}};
}

core::Result<ShippingAddress> shipping_address_from_json(const nlohmann::json& j) {
  if (!j.is_object())
    return core::fail(core::ErrorKind::invalid_argument, "shipping_address_invalid",
                      "The shipping address must be an object.", {{"field", "shipping_address"}});
  auto field = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  return ShippingAddress{field("name"),        field("line1"),   field("line2"), field("city"),
                         field("region"),      field("postal_code"), field("country"), field("phone")};
}

}  // namespace storyloom::commerce
