// What a shop sells and for how much: catalog/products.json (format in docs/commerce.md),
// validated at load so a typo stops start-up instead of mispricing an order. Read-only after
// loading; safe to share between threads.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/money.hpp"

namespace storyloom::commerce {

struct ShippingOption {
  std::string id;             // "standard"
  std::string name;           // "Standard"
  std::string carrier_level;  // the print partner's service level, e.g. "MAIL"
  core::Money price;
  int days_min = 0, days_max = 0;
  bool needs_phone = false;   // the carrier needs the recipient's phone number
};

struct Product {
  std::string id;             // "digital-pdf"
  std::string kind;           // digital_pdf | printed_hardcover | printed_softcover | credit_pack
  std::string name;
  std::string description;
  core::Money price;
  std::vector<std::string> includes;  // other product ids delivered with this one
  std::vector<ShippingOption> shipping;  // printed products only; at least one
  int credits = 0;            // credit packs only

  bool is_printed() const { return kind.starts_with("printed_"); }
  bool unlocks_book() const { return kind == "digital_pdf" || is_printed(); }
  const ShippingOption* shipping_option(std::string_view id) const;
};

class ProductCatalog {
 public:
  // invalid_argument `products_invalid` naming the product and field on any inconsistency.
  static core::Result<ProductCatalog> from_json(const nlohmann::json& j);
  static core::Result<ProductCatalog> load(const std::filesystem::path& file);

  const Product* find(std::string_view id) const;
  const std::vector<Product>& products() const { return products_; }

 private:
  std::vector<Product> products_;
};

nlohmann::json to_json(const Product& p);

}  // namespace storyloom::commerce
