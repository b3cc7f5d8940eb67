// A caller of the server's API the way the web app calls it: a session's bearer token (none for
// anonymous calls), JSON bodies, photo uploads.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/http_client.hpp"
#include "harness/server_process.hpp"

namespace harness {

struct ApiClient {
  ServerProcess* server = nullptr;
  std::string token;    // "": anonymous
  std::string user_id;  // when known (guest(), sign_up())

  // `body` goes out as JSON unless null; `headers` ("Name: value") after the token's.
  HttpResponse call(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr,
                    std::vector<std::string> headers = {}, long timeout_ms = 30'000) const;
  // POST /api/photos with the photo as the request body.
  HttpResponse upload_photo(const std::string& bytes, const std::string& content_type = "image/jpeg") const;
  // POST /api/photos as a browser's form does (multipart/form-data, field `photo`).
  HttpResponse upload_photo_form(const std::string& bytes) const;
  std::string book_status(const std::string& book_id) const;

 private:
  HttpResponse send(const std::string& method, const std::string& path, std::string body,
                    std::vector<std::string> headers, long timeout_ms) const;
};

// A new guest session (POST /api/auth/guest); fails the test when there is none.
ApiClient guest(ServerProcess& server);
// A new account (POST /api/auth/signup), signed in; fails the test when refused.
ApiClient sign_up(ServerProcess& server, const std::string& email,
                  const std::string& password = "correct horse battery");
// "<who><n>@example.com", a new n on every call.
std::string unique_email(const std::string& who);

}  // namespace harness
