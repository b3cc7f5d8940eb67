// Reader for catalog/products.json: products, prices (integer minor units) and shipping.
#include <cctype>

#include <fmt/format.h>

#include "catalog/catalog_files.hpp"

namespace storyloom::catalog {

namespace {

std::optional<ProductKind> parse_kind(std::string_view s) {
  if (s == "digital_pdf") return ProductKind::digital_pdf;
  if (s == "printed_hardcover") return ProductKind::printed_hardcover;
  if (s == "credit_pack") return ProductKind::credit_pack;
  return std::nullopt;
}

core::Money read_price(const nlohmann::json& obj, std::string_view path, FieldReader& r) {
  const auto& price = r.object(obj, path, "price");
  const auto price_path = join_path(path, "price");
  core::Money m;
  m.minor = r.integer(price, price_path, "minor");
  m.currency = r.text(price, price_path, "currency");
  if (m.minor < 0) r.problem(join_path(price_path, "minor"), "must not be negative");
  const bool iso = m.currency.size() == 3 &&
                   std::all_of(m.currency.begin(), m.currency.end(), [](unsigned char c) { return std::isupper(c); });
  if (price.is_object() && !iso) r.problem(join_path(price_path, "currency"), "must be an ISO 4217 code like USD");
  return m;
}

std::vector<ShippingOption> read_shipping(const nlohmann::json& obj, std::string_view path, FieldReader& r) {
  std::vector<ShippingOption> out;
  const auto& arr = r.array(obj, path, "shipping");
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const auto p = index_path(join_path(path, "shipping"), i);
    ShippingOption s;
    s.id = r.text(arr[i], p, "id");
    s.name = r.text(arr[i], p, "name");
    s.carrier_level = r.text(arr[i], p, "carrier_level");
    s.price = read_price(arr[i], p, r);
    s.days_min = static_cast<int>(r.integer(arr[i], p, "days_min"));
    s.days_max = static_cast<int>(r.integer(arr[i], p, "days_max"));
    s.needs_phone = r.boolean(arr[i], p, "needs_phone", false);
    if (s.days_min > s.days_max) r.problem(p, "days_min is above days_max");
    out.push_back(std::move(s));
  }
  if (arr.is_array() && out.empty()) r.problem(join_path(path, "shipping"), "a printed product needs shipping options");
  return out;
}

Product read_product(const nlohmann::json& obj, const std::string& path, FieldReader& r) {
  Product p;
  p.id = r.text(obj, path, "id");
  const auto kind = parse_kind(r.text(obj, path, "kind"));
  if (!kind) r.problem(join_path(path, "kind"), "must be digital_pdf, printed_hardcover or credit_pack");
  p.kind = kind.value_or(ProductKind::digital_pdf);
  p.name = r.text(obj, path, "name");
  p.description = r.text(obj, path, "description");
  p.price = read_price(obj, path, r);
  if (obj.contains("includes")) p.includes = r.texts(obj, path, "includes", true);
  if (p.kind == ProductKind::credit_pack) {
    p.credits = static_cast<int>(r.integer(obj, path, "credits"));
    if (p.credits < 1) r.problem(join_path(path, "credits"), "must be at least 1");
  }
  if (p.kind == ProductKind::printed_hardcover) {
    p.trim = r.text(obj, path, "trim");
    p.print_package = r.text(obj, path, "print_package");
    p.shipping = read_shipping(obj, path, r);
  }
  return p;
}

}  // namespace

const char* to_string(ProductKind kind) {
  switch (kind) {
    case ProductKind::digital_pdf: return "digital_pdf";
    case ProductKind::printed_hardcover: return "printed_hardcover";
    case ProductKind::credit_pack: return "credit_pack";
  }
  return "digital_pdf";
}

std::vector<Product> read_products(const nlohmann::json& root, FieldReader& r) {
  std::vector<Product> out;
  const auto& arr = r.array(root, "", "products");
  for (std::size_t i = 0; i < arr.size(); ++i) out.push_back(read_product(arr[i], index_path("products", i), r));
  for (std::size_t i = 0; i < out.size(); ++i)
    for (const auto& inc : out[i].includes)
      if (std::none_of(out.begin(), out.end(), [&](const Product& p) { return p.id == inc; }))
        r.problem(join_path(index_path("products", i), "includes"), fmt::format("unknown product '{}'", inc));
  if (arr.is_array() && out.empty()) r.problem("products", "must not be empty");
  return out;
}

}  // namespace storyloom::catalog
