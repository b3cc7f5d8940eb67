// application/x-www-form-urlencoded: building Stripe API bodies and reading query strings
// (Shopify App Proxy). Percent-decoding turns '+' into a space, as HTML forms encode it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyloom::commerce {

using FormFields = std::vector<std::pair<std::string, std::string>>;

std::string form_encode(std::string_view text);   // unreserved characters kept, space as %20
std::string form_encode(const FormFields& fields);  // k=v&k=v in the given order
// nullopt for a malformed escape (%zz, truncated %).
std::optional<std::string> form_decode(std::string_view text);
std::optional<FormFields> parse_form(std::string_view query);

}  // namespace storyloom::commerce
