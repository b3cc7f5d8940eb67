// The HTTP/1.1 server: Boost.Beast on Asio C++20 coroutines, one small coroutine per
// connection (read, dispatch, write, repeat while keep-alive). Beast stays inside server.cpp;
// everything else speaks Request/Response. The handler runs on a server thread and may block
// (database calls), so `threads` bounds how many requests run at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "http/router.hpp"

namespace storyloom::http {

// A route whose request body has its own limit instead of max_body_bytes (larger or smaller),
// and the error a larger body gets, e.g. POST /api/photos: 413 photo_too_large. Checked against
// Content-Length before the body is read, and while reading a chunked body.
struct RouteBodyLimit {
  std::string method;  // "POST"
  std::string path;    // exact path, without the query
  std::size_t max_bytes = 0;
  core::Error error;   // its kind should be too_large (413)
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;   // 0 picks a free port; listen() answers the real one
  unsigned threads = 2;
  std::size_t max_body_bytes = 16u << 20;    // larger bodies get 413 body_too_large
  std::vector<RouteBodyLimit> route_body_limits;  // exceptions to max_body_bytes
  std::size_t max_header_bytes = 16u << 10;  // larger request heads get 413 headers_too_large
  // Time allowed to receive a request's head (also the keep-alive idle time), and again its
  // body. A client that trickles bytes is cut off when it runs out (408 if it sent anything).
  std::chrono::milliseconds read_timeout{10'000};
  std::chrono::milliseconds write_timeout{30'000};
  // On shutdown, how long in-flight requests get to finish before connections are dropped.
  std::chrono::milliseconds shutdown_grace{5'000};
  // Streaming responses of type text/event-stream get a comment line after this much silence,
  // which keeps proxies from closing them and finds clients that went away.
  std::chrono::milliseconds sse_heartbeat{15'000};
};

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Answers the bound port. Errors: unavailable `listen_failed`.
  core::Result<std::uint16_t> listen();
  // Serves until SIGTERM/SIGINT or stop(). Then: stops accepting, lets in-flight requests
  // finish (up to shutdown_grace), closes connections, runs the shutdown hooks in reverse
  // order of registration, and returns. REQUIRES: listen() succeeded.
  void run();
  // Asks run() to shut down as above. Thread-safe; returns at once.
  void stop();
  // Registers work to stop on shutdown (background workers). Call before run().
  void on_shutdown(std::function<void()> hook);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyloom::http
