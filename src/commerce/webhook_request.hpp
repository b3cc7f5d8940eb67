// A webhook exactly as it arrived: the raw body bytes (never re-serialised: signatures cover
// these bytes) and the headers. Header names compare case-insensitively.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyloom::commerce {

struct WebhookRequest {
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string ip;          // for the audit log
  std::string request_id;  // for the audit log

  // The first header with this name (any case), or nullopt.
  std::optional<std::string> header(std::string_view name) const;
};

}  // namespace storyloom::commerce
