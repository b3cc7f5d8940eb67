// HttpPort over libcurl: connect and total timeouts, http/https only, response capped at 1 MB.
// No retries here: the Stripe adapter sends an Idempotency-Key, and its caller decides.
#pragma once

#include <chrono>

#include "commerce/http_port.hpp"

namespace storyloom::commerce {

class CurlHttpPort final : public HttpPort {
 public:
  explicit CurlHttpPort(std::chrono::milliseconds timeout = std::chrono::seconds(20)) : timeout_(timeout) {}
  core::Result<HttpPortResponse> post(std::string_view url,
                                      const std::vector<std::pair<std::string, std::string>>& headers,
                                      std::string_view body) override;

 private:
  std::chrono::milliseconds timeout_;
};

}  // namespace storyloom::commerce
