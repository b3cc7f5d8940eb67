// Writing a Response to a Beast stream: a plain body, a file slice, or a stream of chunks (server-
// sent events). Internal to the server: only server.cpp and response_writer.cpp include it, since
// Beast and Asio are slow to compile.
#pragma once

#include <utility>  // before Asio: its headers rely on std::exchange et al. being declared

// g++ 12 sees Asio's coroutine frames allocated by its recycling allocator (operator new when no
// frame is cached) and freed by the frame's operator delete, and calls that a mismatch once the
// allocation is inlined into a coroutine. It is the same allocator on both sides.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>

#include <atomic>
#include <chrono>

#include "http/response.hpp"

namespace storyloom::http::beast_io {

namespace net = boost::asio;
namespace beast = boost::beast;
using beast::error_code;

// Each connection is a coroutine on a strand of its own, and its stream, timers and coroutine
// all name that executor type. Asio's default, the type-erased any_io_executor, cannot hold a
// strand without a heap allocation, and it was copied ~19 times a request (docs/http.md).
using Executor = net::strand<net::io_context::executor_type>;
using Stream = beast::basic_stream<net::ip::tcp, Executor>;
using Timer = net::basic_waitable_timer<std::chrono::steady_clock, net::wait_traits<std::chrono::steady_clock>, Executor>;
template <class T>
using Awaitable = net::awaitable<T, Executor>;
inline constexpr net::use_awaitable_t<Executor> kAwait;

struct WriteOptions {
  std::chrono::milliseconds write_timeout;
  std::chrono::milliseconds sse_heartbeat;  // see ServerOptions
  const std::atomic<bool>* stopping;        // a streaming response ends when the server stops
};

// Writes `res` (only its head and Content-Length when `head_only`). `ec` is set when the
// connection cannot carry on (the client went away, the file could not be read).
Awaitable<void> write_response(Stream& stream, Response& res, bool head_only, bool keep_alive,
                               const WriteOptions& options, error_code& ec);

}  // namespace storyloom::http::beast_io
