#include "net/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include <fmt/format.h>

namespace storyloom::net {
namespace {

void ensure_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  HttpResponse* response;
  std::size_t limit;
  bool overflow = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->response->body.size() + n > sink->limit) {
    sink->overflow = true;
    return 0;  // aborts the transfer
  }
  sink->response->body.append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* response = static_cast<HttpResponse*>(user);
  const std::string_view line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.remove_suffix(1);
    response->headers[name] = std::string(value);
  }
  return size * count;
}

bool is_idempotent(const HttpRequest& r) {
  if (r.method == "GET" || r.method == "HEAD" || r.method == "PUT" || r.method == "DELETE") return true;
  return std::any_of(r.headers.begin(), r.headers.end(), [](const auto& h) {
    std::string name = h.first;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name == "idempotency-key";
  });
}

core::Error transport_error(CURLcode code, const std::string& url) {
  const std::string message = fmt::format("Request to {} failed: {}", url, curl_easy_strerror(code));
  if (code == CURLE_OPERATION_TIMEDOUT) return {core::ErrorKind::unavailable, "net_timeout", message};
  if (code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST)
    return {core::ErrorKind::unavailable, "net_unreachable", message};
  return {core::ErrorKind::unavailable, "net_failed", message};
}

std::chrono::milliseconds backoff(const HttpClientOptions& o, int retry) {
  static thread_local std::mt19937 rng{std::random_device{}()};
  const double base = std::min<double>(static_cast<double>(o.max_backoff.count()),
                                       static_cast<double>(o.first_backoff.count()) * (1 << std::min(retry, 16)));
  std::uniform_real_distribution<double> jitter(0.75, 1.25);
  return std::chrono::milliseconds(static_cast<std::int64_t>(base * jitter(rng)));
}

}  // namespace

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) { ensure_curl(); }

bool is_retryable(const HttpRequest& request, const core::Result<HttpResponse>& outcome) {
  if (!is_idempotent(request)) return false;
  if (!outcome) return outcome.error().kind == core::ErrorKind::unavailable;
  return outcome->status == 429 || outcome->status >= 500;
}

core::Result<HttpResponse> HttpClient::attempt(const HttpRequest& request) const {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return core::fail(core::ErrorKind::unavailable, "net_failed", "Cannot create an HTTP handle.");
  HttpResponse response;
  Sink sink{&response, options_.max_response_bytes};
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, &curl_slist_free_all);
  for (const auto& [name, value] : request.headers)
    headers.reset(curl_slist_append(headers.release(), fmt::format("{}: {}", name, value).c_str()));
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  if (request.method == "HEAD") curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH") {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &response);
  const CURLcode code = curl_easy_perform(h);
  if (sink.overflow)
    return core::fail(core::ErrorKind::too_large, "net_response_too_large",
                      fmt::format("The answer from {} is larger than {} bytes.", request.url, options_.max_response_bytes));
  if (code != CURLE_OK) return std::unexpected(transport_error(code, request.url));
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

core::Result<HttpResponse> HttpClient::send(const HttpRequest& request) const {
  if (!request.url.starts_with("http://") && !request.url.starts_with("https://"))
    return core::fail(core::ErrorKind::invalid_argument, "net_url_invalid",
                      fmt::format("Only http and https URLs are fetched, not '{}'.", request.url));
  core::Result<HttpResponse> outcome = attempt(request);
  for (int retry = 0; retry + 1 < options_.max_attempts && is_retryable(request, outcome); ++retry)
    std::this_thread::sleep_for(backoff(options_, retry)), outcome = attempt(request);
  return outcome;
}

namespace {

core::Result<nlohmann::json> parse_answer(const core::Result<HttpResponse>& r, std::string_view url) {
  if (!r) return std::unexpected(r.error());
  if (r->status < 200 || r->status >= 300)
    return core::fail(core::ErrorKind::unavailable, "net_http_status",
                      fmt::format("{} answered HTTP {}.", url, r->status), {{"status", r->status}});
  auto json = nlohmann::json::parse(r->body, nullptr, false);
  if (json.is_discarded())
    return core::fail(core::ErrorKind::unprocessable, "net_json_invalid", fmt::format("{} did not answer JSON.", url));
  return json;
}

}  // namespace

core::Result<nlohmann::json> HttpClient::get_json(std::string_view url) const {
  HttpRequest req{"GET", std::string(url), {{"Accept", "application/json"}}, ""};
  return parse_answer(send(req), url);
}

core::Result<nlohmann::json> HttpClient::post_json(std::string_view url, const nlohmann::json& body,
                                                   const std::vector<std::pair<std::string, std::string>>& headers) const {
  HttpRequest req{"POST", std::string(url), headers, body.dump()};
  req.headers.emplace_back("Content-Type", "application/json");
  req.headers.emplace_back("Accept", "application/json");
  return parse_answer(send(req), url);
}

}  // namespace storyloom::net
