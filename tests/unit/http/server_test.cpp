// The server in-process on an ephemeral port, spoken to with raw sockets.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "http/middleware.hpp"
#include "http/server.hpp"
#include "raw_client.hpp"

using namespace storyloom::http;
using namespace std::chrono_literals;

namespace {

class ServerTest : public ::testing::Test {
 protected:
  void start(ServerOptions options = {}) {
    options.port = 0;
    options.threads = 2;
    router_.get("/hello", [](Request&) { return Response::text(200, "hello"); });
    router_.post("/echo", [](Request& req) { return Response::text(200, req.body); });
    router_.get("/inject", [](Request&) {
      Response res = Response::text(200, "ok");
      res.headers.set("X-Name", "a\r\nSet-Cookie: stolen=1");
      return res;
    });
    router_.get("/nothing", [](Request&) {
      Response res = Response::no_content();
      res.body = "a body a 204 cannot have";
      return res;
    });
    router_.get("/boom", [](Request&) -> Response { throw std::runtime_error("kaput"); });
    router_.get("/slow", [](Request&) {
      std::this_thread::sleep_for(600ms);
      return Response::text(200, "finished");
    });
    router_.get("/events", [this](Request&) {
      auto n = std::make_shared<int>(0);
      return Response::event_stream(
          [n, this]() -> std::optional<std::string> {
            ++polls_;
            if (*n == 3) return std::nullopt;
            return sse_event("progress", std::to_string(++*n));
          },
          20ms);
    });
    server_ = std::make_unique<Server>(options, make_pipeline([this](Request& r) { return router_.dispatch(r); },
                                                               {.access_log = false}));
    auto port = server_->listen();
    ASSERT_TRUE(port.has_value());
    port_ = *port;
    server_->on_shutdown([this] { hook_ran_ = true; });
    thread_ = std::thread([this] { server_->run(); });
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  Router router_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::uint16_t port_ = 0;
  std::atomic<int> polls_{0};
  std::atomic<bool> hook_ran_{false};
};

}  // namespace

TEST_F(ServerTest, ServesSeveralRequestsOnOneKeepAliveConnection) {
  start();
  RawClient c(port_);
  ASSERT_TRUE(c.connected());
  for (int i = 0; i < 3; ++i) {
    c.clear();
    ASSERT_TRUE(c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
    const auto got = c.read(2s, "hello");
    EXPECT_NE(got.find("HTTP/1.1 200 OK"), std::string::npos) << got;
    EXPECT_NE(got.find("X-Request-Id: req_"), std::string::npos);
  }
  EXPECT_FALSE(c.closed());
}

TEST_F(ServerTest, HeadAnswersHeadersOnly) {
  start();
  RawClient c(port_);
  c.send("HEAD /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto got = c.read(2s);
  EXPECT_NE(got.find("Content-Length: 5"), std::string::npos) << got;
  EXPECT_EQ(got.find("hello"), std::string::npos);
}

// A 204 has no body on the wire even when a handler gave it one, and the connection carries on.
TEST_F(ServerTest, NoContentGoesOutWithoutABodyOrLength) {
  start();
  RawClient c(port_);
  c.send("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto got = c.read(2s, "\r\n\r\n");
  EXPECT_TRUE(got.starts_with("HTTP/1.1 204 No Content\r\n")) << got;
  EXPECT_EQ(got.find("Content-Length"), std::string::npos) << got;
  c.clear();
  c.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto next = c.read(2s);
  EXPECT_TRUE(next.starts_with("HTTP/1.1 200 OK\r\n")) << next;  // not the dropped body
  EXPECT_NE(next.find("Connection: close"), std::string::npos) << next;
}

TEST_F(ServerTest, RefusesOversizedBodiesWith413) {
  start({.max_body_bytes = 1024});
  RawClient c(port_);
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'x'));
  const auto got = c.read(3s);
  EXPECT_NE(got.find("HTTP/1.1 413"), std::string::npos) << got;
  EXPECT_NE(got.find("\"code\":\"body_too_large\""), std::string::npos);
  EXPECT_TRUE(c.closed());
}

TEST_F(ServerTest, RefusesOversizedChunkedBodiesWith413) {
  start({.max_body_bytes = 1024});
  RawClient c(port_);
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + std::string(2048, 'x') + "\r\n0\r\n\r\n");
  EXPECT_NE(c.read(3s).find("HTTP/1.1 413"), std::string::npos);
}

ServerOptions with_echo_limit(std::size_t route_limit) {
  return {.max_body_bytes = 1024,
          .route_body_limits = {{"POST", "/echo", route_limit,
                                 {storyloom::core::ErrorKind::too_large, "echo_too_large", "Too much to echo."}}}};
}

TEST_F(ServerTest, ARouteWithItsOwnBodyLimitTakesBodiesLargerThanTheDefault) {
  start(with_echo_limit(8192));
  RawClient c(port_);
  c.send("POST /echo?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'x'));
  const auto got = c.read(3s, std::string(5000, 'x'));
  EXPECT_NE(got.find("HTTP/1.1 200"), std::string::npos) << got.substr(0, 200);
}

TEST_F(ServerTest, ABodyOverARoutesOwnLimitGetsTheRoutesErrorBeforeItIsRead) {
  start(with_echo_limit(2048));
  RawClient c(port_);
  // Declares 50 MB but sends nothing more: the answer must not wait for the body.
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n");
  const auto got = c.read(3s, "}}");
  EXPECT_NE(got.find("HTTP/1.1 413"), std::string::npos) << got;
  EXPECT_NE(got.find("\"code\":\"echo_too_large\""), std::string::npos) << got;
}

TEST_F(ServerTest, AChunkedBodyOverARoutesOwnLimitGetsTheRoutesError) {
  start(with_echo_limit(2048));
  RawClient c(port_);
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + std::string(4096, 'x') +
         "\r\n0\r\n\r\n");
  const auto got = c.read(3s, "}}");
  EXPECT_NE(got.find("HTTP/1.1 413"), std::string::npos) << got;
  EXPECT_NE(got.find("echo_too_large"), std::string::npos) << got;
}

TEST_F(ServerTest, OtherRoutesKeepTheDefaultBodyLimit) {
  router_.post("/other", [](Request& req) { return Response::text(200, req.body); });
  start(with_echo_limit(8192));
  RawClient c(port_);
  c.send("POST /other HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'x'));
  const auto got = c.read(3s, "}}");
  EXPECT_NE(got.find("body_too_large"), std::string::npos) << got;
}

TEST_F(ServerTest, RefusesOversizedHeadersWith413) {
  start({.max_header_bytes = 2048});
  RawClient c(port_);
  c.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'a') + "\r\n\r\n");
  const auto got = c.read(3s);
  EXPECT_NE(got.find("HTTP/1.1 413"), std::string::npos) << got;
  EXPECT_NE(got.find("headers_too_large"), std::string::npos);
}

TEST_F(ServerTest, CutsOffAClientTricklingHeaders) {
  start({.read_timeout = 400ms});
  RawClient c(port_);
  const auto began = std::chrono::steady_clock::now();
  c.send("GET /hello HTTP/1.1\r\n");
  // One header byte every 100 ms would never finish; the server must not wait for it.
  for (int i = 0; i < 15 && !c.closed(); ++i) {
    c.send("X");
    c.read(100ms);
  }
  const auto got = c.read(2s);
  EXPECT_TRUE(c.closed());
  EXPECT_LT(std::chrono::steady_clock::now() - began, 1500ms);
  EXPECT_EQ(got.find("HTTP/1.1 200"), std::string::npos) << got;
}

TEST_F(ServerTest, MalformedRequestsGet400) {
  start();
  RawClient c(port_);
  c.send("GARBAGE\r\n\r\n");
  EXPECT_NE(c.read(2s).find("HTTP/1.1 400"), std::string::npos);
  RawClient d(port_);
  d.send("GET http://elsewhere/x HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(d.read(2s).find("HTTP/1.1 400"), std::string::npos);
}

TEST_F(ServerTest, ExceptionsBecome500Envelopes) {
  start();
  RawClient c(port_);
  c.send("GET /boom HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto got = c.read(2s);
  EXPECT_NE(got.find("HTTP/1.1 500"), std::string::npos);
  EXPECT_NE(got.find("internal_error"), std::string::npos);
  EXPECT_EQ(got.find("kaput"), std::string::npos);
}

TEST_F(ServerTest, StreamsServerSentEventsChunked) {
  start();
  RawClient c(port_);
  c.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto got = c.read(3s, "0\r\n\r\n");
  EXPECT_NE(got.find("Transfer-Encoding: chunked"), std::string::npos) << got;
  EXPECT_NE(got.find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_NE(got.find("event: progress\ndata: 1\n\n"), std::string::npos);
  EXPECT_NE(got.find("data: 3\n\n"), std::string::npos);
  EXPECT_NE(got.find("\r\n0\r\n\r\n"), std::string::npos);
  EXPECT_EQ(polls_.load(), 4);
  // The connection stays usable after the stream ends.
  c.clear();
  c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(c.read(2s, "hello").find("200 OK"), std::string::npos);
}

TEST_F(ServerTest, ShutdownFinishesInFlightRequestsAndRunsHooks) {
  start();
  RawClient busy(port_);
  RawClient idle(port_);
  busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(150ms);  // the handler is running now
  const auto began = std::chrono::steady_clock::now();
  server_->stop();
  const auto got = busy.read(3s);
  EXPECT_NE(got.find("finished"), std::string::npos) << got;
  EXPECT_NE(got.find("Connection: close"), std::string::npos);
  thread_.join();
  EXPECT_LT(std::chrono::steady_clock::now() - began, 3s);
  EXPECT_TRUE(hook_ran_.load());
  idle.read(1s);
  EXPECT_TRUE(idle.closed());
  RawClient late(port_);
  EXPECT_FALSE(late.connected());
}

TEST_F(ServerTest, DropsResponseHeadersWithLineBreaks) {
  start();
  RawClient c(port_);
  c.send("GET /inject HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto got = c.read(2s);
  EXPECT_NE(got.find("HTTP/1.1 200"), std::string::npos) << got;
  EXPECT_EQ(got.find("stolen"), std::string::npos) << got;
}
