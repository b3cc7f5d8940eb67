#include "commerce/curl_http_port.hpp"

#include <curl/curl.h>

#include <memory>

namespace storyloom::commerce {
namespace {

constexpr std::size_t kMaxResponse = 1 << 20;

std::size_t collect(char* data, std::size_t size, std::size_t n, void* user) {
  auto* out = static_cast<std::string*>(user);
  if (out->size() + size * n > kMaxResponse) return 0;  // aborts the transfer
  out->append(data, size * n);
  return size * n;
}

}  // namespace

core::Result<HttpPortResponse> CurlHttpPort::post(std::string_view url,
                                                  const std::vector<std::pair<std::string, std::string>>& headers,
                                                  std::string_view body) {
  if (!url.starts_with("http://") && !url.starts_with("https://"))
    return core::fail(core::ErrorKind::invalid_argument, "net_url_invalid", "Only http and https URLs are allowed.");
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return core::fail(core::ErrorKind::internal, "net_failed", "curl_easy_init failed");
  curl_slist* list = nullptr;
  for (const auto& [k, v] : headers) list = curl_slist_append(list, (k + ": " + v).c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(list, curl_slist_free_all);
  const std::string target(url);
  std::string response;
  curl_easy_setopt(curl.get(), CURLOPT_URL, target.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_POST, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, 5000L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &response);
  const CURLcode rc = curl_easy_perform(curl.get());
  if (rc != CURLE_OK)
    return core::fail(core::ErrorKind::unavailable, rc == CURLE_OPERATION_TIMEDOUT ? "net_timeout" : "net_failed",
                      "The payment provider could not be reached.", {{"curl", curl_easy_strerror(rc)}});
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  return HttpPortResponse{status, std::move(response)};
}

}  // namespace storyloom::commerce
