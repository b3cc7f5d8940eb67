#include "http/response_head.hpp"

#include <array>
#include <iterator>

#include <fmt/format.h>

#include "core/log.hpp"
#include "core/text.hpp"

namespace storyloom::http {

namespace {

bool is_servers_own(std::string_view name) {
  constexpr std::array<std::string_view, 4> kOwn{"Server", "Content-Length", "Connection", "Transfer-Encoding"};
  for (const auto own : kOwn)
    if (iequals(name, own)) return true;
  return false;
}

}  // namespace

bool handler_field_goes_out(std::string_view name, std::string_view value) {
  if (name.empty() || core::has_line_break(name) || core::has_line_break(value)) {
    core::log_error("dropped a response header with a line break", {{"header", name}});
    return false;
  }
  return !is_servers_own(name);
}

bool status_has_no_body(int status) { return (status >= 100 && status < 200) || status == 204 || status == 304; }

int wire_status(int status) { return status >= 100 && status <= 599 ? status : 500; }

std::string response_head(const Response& res, std::string_view reason, std::size_t content_length, bool keep_alive) {
  const int status = wire_status(res.status);
  std::string head;
  head.reserve(512);
  auto out = std::back_inserter(head);
  fmt::format_to(out, "HTTP/1.1 {} {}\r\n", status, reason);
  for (const auto& [name, value] : res.headers) {
    if (!handler_field_goes_out(name, value)) continue;
    head += name;
    head += ": ";
    head += value;
    head += "\r\n";
  }
  head += "Server: storyloom\r\n";
  if (!status_has_no_body(status)) fmt::format_to(out, "Content-Length: {}\r\n", content_length);
  if (!keep_alive) head += "Connection: close\r\n";
  head += "\r\n";
  return head;
}

}  // namespace storyloom::http
