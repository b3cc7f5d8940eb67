// Outbound HTTP for every remote adapter (JWKS, payment providers, image models, print partners):
// libcurl with connect and total timeouts, a response size cap, and retries with exponential
// backoff and jitter for transport errors, 429 and 5xx on idempotent requests (GET, HEAD, PUT,
// DELETE, or any request that carries an Idempotency-Key header). Only http and https URLs.
// Thread-safe: each call uses its own curl easy handle.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace storyloom::net {

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; the last value wins
  std::string body;
};

struct HttpClientOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{30000};
  int max_attempts = 3;                          // 1 = no retries
  std::chrono::milliseconds first_backoff{200};  // doubled per retry, +-25% jitter
  std::chrono::milliseconds max_backoff{5000};
  std::size_t max_response_bytes = 16u * 1024 * 1024;
  std::string user_agent = "storyloom";
};

class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});

  // Any HTTP status is a response, not an error; errors are transport failures:
  // unavailable (net_timeout, net_unreachable, net_failed) and too_large (net_response_too_large),
  // invalid_argument (net_url_invalid) for a non-http(s) URL.
  core::Result<HttpResponse> send(const HttpRequest& request) const;

  // GET and parse JSON. unavailable (net_http_status, details.status) for a non-2xx answer;
  // unprocessable (net_json_invalid) for a body that is not JSON.
  core::Result<nlohmann::json> get_json(std::string_view url) const;
  // POST a JSON body and parse the JSON answer, with the same rules.
  core::Result<nlohmann::json> post_json(std::string_view url, const nlohmann::json& body,
                                         const std::vector<std::pair<std::string, std::string>>& headers = {}) const;

  const HttpClientOptions& options() const { return options_; }

 private:
  core::Result<HttpResponse> attempt(const HttpRequest& request) const;
  HttpClientOptions options_;
};

// Whether a failed attempt may be repeated (transport error or 429/5xx on an idempotent request).
bool is_retryable(const HttpRequest& request, const core::Result<HttpResponse>& outcome);

}  // namespace storyloom::net
