// Connections: accept, read a request, answer it, repeat while keep-alive; and shutdown. One of
// the two translation units that include Beast and Asio (with response_writer.cpp: they cost
// ~10 s and much memory to compile). Each connection is one coroutine on its own strand.
#include <utility>  // before Asio: its headers rely on std::exchange et al. being declared

#include "http/server.hpp"
#include "http/response_writer.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <limits>
#include <thread>

#include "core/log.hpp"
#include "http/error_response.hpp"

namespace storyloom::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using beast::error_code;
using beast_io::Awaitable;
using beast_io::Executor;
using beast_io::kAwait;
using beast_io::Stream;

namespace {

using BeastRequest = bhttp::request<bhttp::string_body>;
using Parser = bhttp::request_parser<bhttp::string_body>;

// Counts requests between "head received" and "response written", for graceful shutdown.
class InFlight {
 public:
  explicit InFlight(std::atomic<int>& n) : n_(n) { ++n_; }
  ~InFlight() { --n_; }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  std::atomic<int>& n_;
};

Request to_request(BeastRequest&& in, const std::string& remote, bool& valid) {
  auto req = make_request(std::string_view(in.method_string()), std::string_view(in.target()));
  valid = req.has_value();
  if (!valid) return Request{};
  for (const auto& field : in) req->headers.add(std::string_view(field.name_string()), std::string_view(field.value()));
  req->body = std::move(in.body());
  req->remote_address = remote;
  return std::move(*req);
}

// Connection coroutines end here; an exception means a bug, logged rather than ending the
// server thread (which would terminate the process).
void log_if_failed(std::exception_ptr failure) {
  if (!failure) return;
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    core::log_error("connection failed", {{"exception", e.what()}});
  } catch (...) {
    core::log_error("connection failed", {{"exception", "unknown"}});
  }
}

Response server_error(core::ErrorKind kind, std::string code, std::string message) {
  return error_response_with_new_id(core::Error{kind, std::move(code), std::move(message)});
}

std::string_view path_of(std::string_view target) { return target.substr(0, target.find('?')); }

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Handler handler;
  // Owned through pointers so run() can destroy them in order once the threads are joined:
  // destroying the io_context destroys the suspended connection coroutines, closing their sockets.
  // The concurrency hint lets Asio skip locking when it runs on one thread.
  std::unique_ptr<net::io_context> ioc_owner = std::make_unique<net::io_context>(static_cast<int>(std::max(1u, options.threads)));
  net::io_context& ioc = *ioc_owner;
  std::unique_ptr<tcp::acceptor> acceptor_owner = std::make_unique<tcp::acceptor>(net::make_strand(ioc));
  tcp::acceptor& acceptor = *acceptor_owner;
  std::unique_ptr<net::signal_set> signals_owner = std::make_unique<net::signal_set>(ioc, SIGINT, SIGTERM);
  net::signal_set& signals = *signals_owner;
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::mutex mutex;
  std::condition_variable stop_cv;
  bool stop_requested = false;
  std::vector<std::function<void()>> hooks;

  Impl(ServerOptions o, Handler h) : options(std::move(o)), handler(std::move(h)) {}

  net::awaitable<void> accept_loop();
  Awaitable<void> session(Stream stream);
  Awaitable<void> answer_read_error(Stream& stream, error_code ec, bool got_bytes,
                                    const RouteBodyLimit* route = nullptr);
  // Reads the body after the head within its limit. False: the connection ends (the client got
  // an answer when there was something to say).
  Awaitable<bool> read_body(Stream& stream, beast::flat_buffer& buffer, Parser& parser);
  const RouteBodyLimit* route_body_limit(const Parser& parser) const;
  beast_io::WriteOptions write_options() const { return {options.write_timeout, options.sse_heartbeat, &stopping}; }
  Awaitable<void> lingering_close(Stream& stream);
  Response call_handler(Request& req);
};

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

core::Result<std::uint16_t> Server::listen() {
  auto& o = impl_->options;
  error_code ec;
  tcp::resolver resolver(impl_->ioc);
  const auto endpoints = resolver.resolve(o.host, std::to_string(o.port), tcp::resolver::passive, ec);
  if (ec || endpoints.empty())
    return core::fail(core::ErrorKind::unavailable, "listen_failed", fmt::format("cannot resolve host {}: {}", o.host, ec.message()));
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  auto& acc = impl_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    return core::fail(core::ErrorKind::unavailable, "listen_failed",
                      fmt::format("cannot listen on {}:{}: {}", o.host, o.port, ec.message()));
  return acc.local_endpoint().port();
}

void Server::on_shutdown(std::function<void()> hook) { impl_->hooks.push_back(std::move(hook)); }

void Server::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stop_requested = true;
  }
  impl_->stop_cv.notify_all();
}

void Server::run() {
  Impl& s = *impl_;
  s.signals.async_wait([this](error_code ec, int signal) {
    if (ec) return;
    core::log_info("shutdown requested", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
    stop();
  });
  net::co_spawn(s.acceptor.get_executor(), s.accept_loop(), log_if_failed);
  auto work = net::make_work_guard(s.ioc);
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < std::max(1u, s.options.threads); ++i) threads.emplace_back([&s] { s.ioc.run(); });

  {
    std::unique_lock lock(s.mutex);
    s.stop_cv.wait(lock, [&] { return s.stop_requested; });
  }
  // 1. Stop accepting; responses from now on say "Connection: close".
  s.stopping = true;
  net::post(s.acceptor.get_executor(), [&s] {
    error_code ignored;
    s.acceptor.close(ignored);
  });
  // 2. Let in-flight requests finish, within the grace period.
  const auto deadline = std::chrono::steady_clock::now() + s.options.shutdown_grace;
  while (s.in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const int abandoned = s.in_flight.load();
  // 3. Drop idle keep-alive connections and whatever is left.
  s.signals.cancel();
  work.reset();
  s.ioc.stop();
  for (auto& t : threads) t.join();
  s.signals_owner.reset();
  s.acceptor_owner.reset();
  s.ioc_owner.reset();
  // 4. Stop background work.
  for (auto it = s.hooks.rbegin(); it != s.hooks.rend(); ++it) (*it)();
  core::log_info("server stopped", {{"abandoned_requests", abandoned}});
}

net::awaitable<void> Server::Impl::accept_loop() {
  while (!stopping) {
    error_code ec;
    Stream::socket_type socket =
        co_await acceptor.async_accept(Executor(net::make_strand(ioc)), net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      if (ec == net::error::operation_aborted || !acceptor.is_open()) co_return;
      // Out of file descriptors and the like: don't spin; try again shortly.
      core::log_warn("accept failed", {{"error", ec.message()}});
      net::steady_timer pause(acceptor.get_executor(), std::chrono::milliseconds(50));
      co_await pause.async_wait(net::redirect_error(net::use_awaitable, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto executor = socket.get_executor();
    net::co_spawn(executor, session(Stream(std::move(socket))), log_if_failed);
  }
}

Awaitable<void> Server::Impl::session(Stream stream) {
  error_code ec;
  const auto peer = stream.socket().remote_endpoint(ec);
  const std::string remote = ec ? std::string() : peer.address().to_string();
  beast::flat_buffer buffer;
  while (true) {
    Parser parser;
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    // The real limit is set in read_body, once the route (and so its own limit) is known. Not
    // boost::none: Beast 1.74 compares Content-Length against it, and anything exceeds "none".
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    stream.expires_after(options.read_timeout);
    const std::size_t buffered_before = buffer.size();
    const std::size_t got = co_await bhttp::async_read_header(stream, buffer, parser, net::redirect_error(kAwait, ec));
    if (ec) {
      co_await answer_read_error(stream, ec, got > 0 || buffered_before > 0 || buffer.size() > 0);
      co_return;
    }
    InFlight counted(in_flight);
    if (!co_await read_body(stream, buffer, parser)) co_return;
    BeastRequest in = parser.release();
    bool keep_alive = in.keep_alive();
    const bool head_only = in.method() == bhttp::verb::head;
    bool valid = false;
    Request req = to_request(std::move(in), remote, valid);
    Response res = valid ? call_handler(req)
                         : server_error(core::ErrorKind::invalid_argument, "bad_request", "The request target is not a valid path.");
    keep_alive = keep_alive && valid && !stopping;
    co_await beast_io::write_response(stream, res, head_only, keep_alive, write_options(), ec);
    if (ec || !keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

Awaitable<bool> Server::Impl::read_body(Stream& stream, beast::flat_buffer& buffer, Parser& parser) {
  const RouteBodyLimit* route = route_body_limit(parser);
  const std::size_t limit = route ? route->max_bytes : options.max_body_bytes;
  // A declared length over the limit is refused before any body byte is read (or a 100 sent).
  if (const auto length = parser.content_length(); length && *length > limit) {
    co_await answer_read_error(stream, bhttp::error::body_limit, true, route);
    co_return false;
  }
  parser.body_limit(limit);
  if (parser.is_done()) co_return true;
  error_code ec;
  if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
    bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
    stream.expires_after(options.write_timeout);
    co_await bhttp::async_write(stream, cont, net::redirect_error(kAwait, ec));
    if (ec) co_return false;
  }
  stream.expires_after(options.read_timeout);
  co_await bhttp::async_read(stream, buffer, parser, net::redirect_error(kAwait, ec));
  if (ec) {
    co_await answer_read_error(stream, ec, true, route);
    co_return false;
  }
  co_return true;
}

Response Server::Impl::call_handler(Request& req) {
  // The pipeline has its own exception guard; this one catches what escapes middleware.
  try {
    return handler(req);
  } catch (const std::exception& e) {
    core::log_error("unhandled exception in pipeline", {{"exception", e.what()}, {"path", req.path}});
  } catch (...) {
    core::log_error("unhandled exception in pipeline", {{"path", req.path}});
  }
  return server_error(core::ErrorKind::internal, "internal_error", "");
}

const RouteBodyLimit* Server::Impl::route_body_limit(const Parser& parser) const {
  const auto& head = parser.get();
  const std::string_view method(head.method_string()), path = path_of(std::string_view(head.target()));
  for (const auto& limit : options.route_body_limits)
    if (limit.method == method && limit.path == path) return &limit;
  return nullptr;
}

Awaitable<void> Server::Impl::answer_read_error(Stream& stream, error_code ec, bool got_bytes,
                                                const RouteBodyLimit* route) {
  std::optional<Response> res;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
    co_return;  // the client closed the connection, mid-request or between requests
  } else if (ec == bhttp::error::body_limit) {
    res = route ? error_response_with_new_id(route->error)
                : server_error(core::ErrorKind::too_large, "body_too_large",
                               fmt::format("The request body is larger than {} bytes.", options.max_body_bytes));
  } else if (ec == bhttp::error::header_limit) {
    res = server_error(core::ErrorKind::too_large, "headers_too_large",
                       fmt::format("The request headers are larger than {} bytes.", options.max_header_bytes));
  } else if (ec == beast::error::timeout) {
    // Beast has closed the socket already, so there is no one to answer; note slow clients.
    if (got_bytes) core::log_warn("request timed out", {{"reason", "the client sent its request too slowly"}});
    co_return;
  } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) {
    // Every other parse error: malformed request line, headers, chunking...
    res = server_error(core::ErrorKind::invalid_argument, "bad_request", "The request is not valid HTTP/1.1.");
  }
  if (!res) co_return;  // the client closed or went quiet between requests: nothing to say
  core::log_warn("request rejected", {{"status", res->status}, {"reason", ec.message()},
                                      {"request_id", std::string(*res->headers.get("X-Request-Id"))}});
  error_code write_ec;
  co_await beast_io::write_response(stream, *res, false, false, write_options(), write_ec);
  if (!write_ec) co_await lingering_close(stream);
}

// Closing a socket with unread request bytes makes the kernel send RST, which can destroy the
// error response before the client reads it. So: half-close, then drain briefly.
Awaitable<void> Server::Impl::lingering_close(Stream& stream) {
  error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(std::chrono::seconds(1));
  char sink[4096];
  std::size_t drained = 0;
  while (!ec && drained < (1u << 20)) {
    drained += co_await stream.async_read_some(net::buffer(sink), net::redirect_error(kAwait, ec));
  }
}

}  // namespace storyloom::http
