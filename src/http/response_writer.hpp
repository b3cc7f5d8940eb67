// Writing a Response to a Beast stream: a plain body, a file slice, or a stream of chunks (server-
// sent events). Internal to the server: only server.cpp and response_writer.cpp include it, since
// Beast and Asio are slow to compile.
#pragma once

#include <utility>  // before Asio: its headers rely on std::exchange et al. being declared

// g++ 12 sees Asio's coroutine frames allocated by its recycling allocator (operator new when no
// frame is cached) and freed by the frame's operator delete, and calls that a mismatch once the
// allocation is inlined into a coroutine. It is the same allocator on both sides.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>

#include <atomic>
#include <chrono>

#include "http/response.hpp"

namespace storyloom::http::beast_io {

namespace net = boost::asio;
namespace beast = boost::beast;
using beast::error_code;

inline constexpr auto kAwait = net::use_awaitable;

struct WriteOptions {
  std::chrono::milliseconds write_timeout;
  std::chrono::milliseconds sse_heartbeat;  // see ServerOptions
  const std::atomic<bool>* stopping;        // a streaming response ends when the server stops
};

// Writes `res` (only its head and Content-Length when `head_only`). `ec` is set when the
// connection cannot carry on (the client went away, the file could not be read).
net::awaitable<void> write_response(beast::tcp_stream& stream, Response& res, bool head_only, bool keep_alive,
                                    const WriteOptions& options, error_code& ec);

}  // namespace storyloom::http::beast_io
