#include "commerce/webhook_request.hpp"

#include <algorithm>
#include <cctype>

namespace storyloom::commerce {

std::optional<std::string> WebhookRequest::header(std::string_view name) const {
  auto same = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
  };
  for (const auto& [k, v] : headers)
    if (same(k, name)) return v;
  return std::nullopt;
}

}  // namespace storyloom::commerce
