// What the shop sells (catalog/products.json). Prices are integer minor units with a currency.
#pragma once

#include <string>
#include <vector>

#include "core/money.hpp"

namespace storyloom::catalog {

enum class ProductKind { digital_pdf, printed_hardcover, credit_pack };

struct ShippingOption {
  std::string id;     // "standard", "express"
  std::string name;
  std::string carrier_level;  // print partner level: MAIL, PRIORITY_MAIL, GROUND, EXPEDITED, EXPRESS
  core::Money price;
  int days_min = 0;
  int days_max = 0;
  bool needs_phone = false;  // the carrier requires a phone number on the address
};

struct Product {
  std::string id;
  ProductKind kind = ProductKind::digital_pdf;
  std::string name;
  std::string description;
  core::Money price;
  std::vector<std::string> includes;  // product ids delivered with this one ("digital-pdf")
  int credits = 0;                    // credit packs: book credits granted
  std::string trim;                   // printed products: the print spec's trim id
  std::string print_package;          // printed products: the partner's package id
  std::vector<ShippingOption> shipping;
};

const char* to_string(ProductKind kind);

}  // namespace storyloom::catalog
