#include "harness/api_client.hpp"

#include <gtest/gtest.h>

namespace harness {

HttpResponse ApiClient::send(const std::string& method, const std::string& path, std::string body,
                             std::vector<std::string> headers, long timeout_ms) const {
  if (!token.empty()) headers.insert(headers.begin(), "Authorization: Bearer " + token);
  return request(server->url(path), HttpOptions{.method = method, .headers = std::move(headers),
                                                .body = std::move(body), .timeout_ms = timeout_ms});
}

HttpResponse ApiClient::call(const std::string& method, const std::string& path, const nlohmann::json& body,
                             std::vector<std::string> headers, long timeout_ms) const {
  if (body.is_null()) return send(method, path, "", std::move(headers), timeout_ms);
  headers.push_back("Content-Type: application/json");
  return send(method, path, body.dump(), std::move(headers), timeout_ms);
}

HttpResponse ApiClient::upload_photo(const std::string& bytes, const std::string& content_type) const {
  return send("POST", "/api/photos", bytes, {"Content-Type: " + content_type}, 60'000);
}

HttpResponse ApiClient::upload_photo_form(const std::string& bytes) const {
  const std::string boundary = "----storyloomtest7MA4YWxk";
  std::string form = "--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"photo.png\"\r\n"
                     "Content-Type: application/octet-stream\r\n\r\n" +
                     bytes + "\r\n--" + boundary + "--\r\n";
  return send("POST", "/api/photos", std::move(form), {"Content-Type: multipart/form-data; boundary=" + boundary},
              60'000);
}

std::string ApiClient::book_status(const std::string& book_id) const {
  return call("GET", "/api/books/" + book_id).json().value("status", "");
}

namespace {

ApiClient session_of(ServerProcess& server, const HttpResponse& r) {
  const auto j = r.json();
  if (!j.is_object()) return ApiClient{&server};
  return ApiClient{&server, j.contains("session") ? j["session"].value("token", "") : "",
                   j.contains("user") ? j["user"].value("id", "") : ""};
}

}  // namespace

ApiClient guest(ServerProcess& server) {
  auto r = request(server.url("/api/auth/guest"), HttpOptions{.method = "POST"});
  EXPECT_EQ(r.status, 201) << r.body;
  return session_of(server, r);
}

ApiClient sign_up(ServerProcess& server, const std::string& email, const std::string& password) {
  auto r = ApiClient{&server}.call("POST", "/api/auth/signup", {{"email", email}, {"password", password}});
  EXPECT_EQ(r.status, 201) << r.body;
  return session_of(server, r);
}

std::string unique_email(const std::string& who) {
  static int n = 0;
  return who + std::to_string(++n) + "@example.com";
}

}  // namespace harness
