#include "commerce/product_catalog.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "commerce/money_json.hpp"

namespace storyloom::commerce {
namespace {

using nlohmann::json;

core::Error invalid(std::string_view where, std::string_view what) {
  return core::Error{core::ErrorKind::invalid_argument, "products_invalid",
                     fmt::format("catalog/products.json: {}: {}", where, what), {{"where", where}}};
}

bool is_currency(const std::string& c) {
  return c.size() == 3 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

core::Result<core::Money> read_price(const json& j, const std::string& where) {
  if (!j.is_object() || !j.contains("minor") || !j["minor"].is_number_integer() || !j.contains("currency") ||
      !j["currency"].is_string())
    return std::unexpected(invalid(where, "price needs an integer \"minor\" and a \"currency\""));
  core::Money m{j["minor"].get<std::int64_t>(), j["currency"].get<std::string>()};
  if (m.minor < 0) return std::unexpected(invalid(where, "price must not be negative"));
  if (!is_currency(m.currency)) return std::unexpected(invalid(where, "currency must be ISO 4217, e.g. USD"));
  return m;
}

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

core::Result<ShippingOption> read_shipping(const json& j, const std::string& where) {
  ShippingOption s{text(j, "id"), text(j, "name"), text(j, "carrier_level"), {}, 0, 0, false};
  if (s.id.empty() || s.name.empty()) return std::unexpected(invalid(where, "shipping options need an id and a name"));
  auto price = read_price(j.value("price", json()), where + " shipping " + s.id);
  if (!price) return std::unexpected(price.error());
  s.price = *price;
  s.days_min = j.value("days_min", 0);
  s.days_max = j.value("days_max", 0);
  s.needs_phone = j.value("needs_phone", false);
  return s;
}

core::Result<Product> read_product(const json& j) {
  if (!j.is_object()) return std::unexpected(invalid("products", "every product must be an object"));
  Product p{text(j, "id"), text(j, "kind"), text(j, "name"), text(j, "description"), {}, {}, {}, 0};
  const std::string where = p.id.empty() ? "a product" : "product " + p.id;
  static const std::set<std::string> kKinds{"digital_pdf", "printed_hardcover", "printed_softcover", "credit_pack"};
  if (p.id.empty() || p.name.empty()) return std::unexpected(invalid(where, "needs an id and a name"));
  if (!kKinds.contains(p.kind)) return std::unexpected(invalid(where, "unknown kind \"" + p.kind + "\""));
  auto price = read_price(j.value("price", json()), where);
  if (!price) return std::unexpected(price.error());
  p.price = *price;
  for (const auto& inc : j.value("includes", json::array()))
    if (inc.is_string()) p.includes.push_back(inc.get<std::string>());
  for (const auto& s : j.value("shipping", json::array())) {
    auto option = read_shipping(s, where);
    if (!option) return std::unexpected(option.error());
    if (option->price.currency != p.price.currency)
      return std::unexpected(invalid(where, "shipping " + option->id + " is priced in another currency"));
    p.shipping.push_back(*option);
  }
  if (p.is_printed() && p.shipping.empty()) return std::unexpected(invalid(where, "a printed product needs shipping options"));
  p.credits = j.value("credits", 0);
  if (p.kind == "credit_pack" && p.credits <= 0) return std::unexpected(invalid(where, "a credit pack needs credits > 0"));
  return p;
}

}  // namespace

const ShippingOption* Product::shipping_option(std::string_view id) const {
  for (const auto& s : shipping)
    if (s.id == id) return &s;
  return nullptr;
}

core::Result<ProductCatalog> ProductCatalog::from_json(const json& j) {
  if (!j.is_object() || !j.contains("products") || !j["products"].is_array())
    return std::unexpected(invalid("top level", "expected {\"products\": [...]}"));
  ProductCatalog catalog;
  std::set<std::string> ids;
  for (const auto& item : j["products"]) {
    auto p = read_product(item);
    if (!p) return std::unexpected(p.error());
    if (!ids.insert(p->id).second) return std::unexpected(invalid("product " + p->id, "duplicate id"));
    catalog.products_.push_back(std::move(*p));
  }
  for (const auto& p : catalog.products_)
    for (const auto& inc : p.includes)
      if (!ids.contains(inc)) return std::unexpected(invalid("product " + p.id, "includes unknown product " + inc));
  return catalog;
}

core::Result<ProductCatalog> ProductCatalog::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in)
    return core::fail(core::ErrorKind::internal, "products_missing", "Cannot read " + file.string());
  const json j = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::unexpected(invalid(file.string(), "not valid JSON"));
  return from_json(j);
}

const Product* ProductCatalog::find(std::string_view id) const {
  for (const auto& p : products_)
    if (p.id == id) return &p;
  return nullptr;
}

json to_json(const Product& p) {
  json shipping = json::array();
  for (const auto& s : p.shipping)
    shipping.push_back({{"id", s.id}, {"name", s.name}, {"price", money_json(s.price)}, {"days_min", s.days_min},
                        {"days_max", s.days_max}, {"needs_phone", s.needs_phone}});
  json j{{"id", p.id}, {"kind", p.kind}, {"name", p.name}, {"description", p.description},
         {"price", money_json(p.price)}, {"unlocks_book", p.unlocks_book()}, {"requires_shipping", p.is_printed()},
         {"includes", p.includes}, {"shipping", shipping}};
  if (p.kind == "credit_pack") j["credits"] = p.credits;
  return j;
}

}  // namespace storyloom::commerce
