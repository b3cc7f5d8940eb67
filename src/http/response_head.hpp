// The status line and header block of a response whose body is in memory, as it goes on the
// wire. The server writes it and the body in one gather write: Beast's serializer and its field
// list cost more per request than the rest of answering /health (docs/http.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "http/response.hpp"

namespace storyloom::http {

// "HTTP/1.1 <status> <reason>", the handler's fields that go out, then the server's own:
// Server, Content-Length (left out for 1xx, 204 and 304, which have no body) and
// "Connection: close" when the connection ends.
std::string response_head(const Response& res, std::string_view reason, std::size_t content_length, bool keep_alive);

// Whether a field a handler set goes on the wire. Not the fields the server owns (Server,
// Content-Length, Connection, Transfer-Encoding), nor one with a line break in its name or value:
// it would let whoever supplied the value write headers of their own (logged as an error).
bool handler_field_goes_out(std::string_view name, std::string_view value);

// True when a response with this status never has a body (1xx, 204, 304).
bool status_has_no_body(int status);

// The status a response goes out with: one the handler set, when it is a valid HTTP status.
int wire_status(int status);

}  // namespace storyloom::http
