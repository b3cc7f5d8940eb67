// Outbound HTTP as commerce needs it: one POST. Production: CurlHttpPort (libcurl) or an
// adapter over net::HttpClient once the net module lands; tests point it at a loopback fake.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace storyloom::commerce {

struct HttpPortResponse {
  long status = 0;
  std::string body;
};

class HttpPort {
 public:
  virtual ~HttpPort() = default;
  // Any HTTP status is a response; errors are transport failures (unavailable).
  virtual core::Result<HttpPortResponse> post(std::string_view url,
                                              const std::vector<std::pair<std::string, std::string>>& headers,
                                              std::string_view body) = 0;
};

}  // namespace storyloom::commerce
