// One HTTP request as handlers see it: plain values, no Beast types. The server fills the wire
// fields; the router fills path_params; middleware fills request_id (and auth, user_id).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "http/headers.hpp"
#include "http/url.hpp"

namespace storyloom::http {

struct Request {
  std::string method;          // upper case, e.g. "GET"
  std::string target;          // as received, e.g. "/api/books?limit=10"
  std::string path;            // percent-decoded path, e.g. "/api/books"
  QueryParams query;           // decoded query parameters
  Headers headers;
  std::string body;
  std::string remote_address;  // peer IP address
  std::map<std::string, std::string, std::less<>> path_params;  // "{id}" -> value (decoded)
  std::string request_id;
  std::optional<std::string> user_id;

  std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
  // The first value of a query parameter, or nullopt.
  std::optional<std::string> query_param(std::string_view name) const;
  // A path parameter the matched route declares. Asking for one it doesn't declare is a bug
  // (std::logic_error).
  const std::string& param(std::string_view name) const;
};

// Builds a Request from method and raw target (splits and decodes path and query). Answers
// nullopt when the path is not a valid origin-form path (must start with '/', decode cleanly).
std::optional<Request> make_request(std::string_view method, std::string_view target);

}  // namespace storyloom::http
