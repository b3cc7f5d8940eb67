// A small blocking HTTP client over libcurl for integration tests: status, headers (names
// lower-cased) and body, with no automatic decompression unless asked for.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace harness {

struct HttpResponse {
  long status = 0;  // 0: no response (connection failed); see `error`
  std::multimap<std::string, std::string> headers;
  std::string body;
  std::string error;

  std::string header(const std::string& lower_case_name) const;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// The error envelope's code ("" when the answer is not an error envelope).
inline std::string code_of(const HttpResponse& r) {
  const auto j = r.json();
  return j.is_object() && j.contains("error") && j["error"].is_object() ? j["error"].value("code", "") : "";
}

struct HttpOptions {
  std::string method = "GET";
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  long timeout_ms = 10'000;
};

HttpResponse request(const std::string& url, const HttpOptions& options = {});
inline HttpResponse get(const std::string& url, std::vector<std::string> headers = {}) {
  return request(url, HttpOptions{.headers = std::move(headers)});
}

}  // namespace harness
