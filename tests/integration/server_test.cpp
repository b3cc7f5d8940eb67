// The real binary over HTTP: probes, envelopes, request ids, limits, timeouts, gzip, headers.
#include <gtest/gtest.h>

#include <zlib.h>

#include "harness/http_client.hpp"
#include "harness/raw_client.hpp"
#include "harness/server_process.hpp"
#include "harness/shared_server_test.hpp"
#include "harness/shared_server_test.hpp"

using namespace harness;
using namespace std::chrono_literals;

namespace {

class Server : public harness::SharedServerTest<Server> {
 public:
  static Env server_env() {
    return {{"STORYLOOM_HTTP_MAX_BODY_BYTES", "64KiB"},
            {"STORYLOOM_HTTP_READ_TIMEOUT_MS", "500"},
            {"STORYLOOM_WEB_DIR", "/nonexistent/web/dist"}};
  }
 protected:
};

}  // namespace

TEST_F(Server, HealthAnswersOkAndVersion) {
  const auto res = get(server_->url("/health"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.json()["status"], "ok");
  EXPECT_EQ(res.json()["version"], STORYLOOM_VERSION);
}

TEST_F(Server, ReadyChecksDatabaseAndBlobStore) {
  const auto res = get(server_->url("/ready"));
  EXPECT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json()["checks"]["database"], "ok");
  EXPECT_EQ(res.json()["checks"]["blob_store"], "ok");
}

TEST_F(Server, UnknownPathIsA404Envelope) {
  const auto res = get(server_->url("/api/no-such-thing"));
  EXPECT_EQ(res.status, 404);
  const auto e = res.json()["error"];
  EXPECT_EQ(e["code"], "not_found");
  EXPECT_FALSE(e["message"].get<std::string>().empty());
  EXPECT_TRUE(e["details"].is_object());
  EXPECT_EQ(e["request_id"], res.header("x-request-id"));
}

TEST_F(Server, WrongMethodIsA405EnvelopeWithAllow) {
  const auto res = request(server_->url("/health"), {.method = "POST", .body = "{}"});
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.json()["error"]["code"], "method_not_allowed");
  EXPECT_EQ(res.header("allow"), "GET, HEAD");
}

TEST_F(Server, EchoesASaneRequestIdAndReplacesOthers) {
  EXPECT_EQ(get(server_->url("/health"), {"X-Request-Id: trace-42.a_b"}).header("x-request-id"), "trace-42.a_b");
  const auto replaced = get(server_->url("/health"), {"X-Request-Id: " + std::string(100, 'a')});
  EXPECT_TRUE(replaced.header("x-request-id").starts_with("req_"));
  EXPECT_NE(get(server_->url("/health")).header("x-request-id"), get(server_->url("/health")).header("x-request-id"));
  // The access log carries the same id.
  EXPECT_NE(server_->log_containing("\"request_id\":\"trace-42.a_b\"").find("\"request_id\":\"trace-42.a_b\""),
            std::string::npos);
}

TEST_F(Server, OversizedBodyIsA413Envelope) {
  const auto res = request(server_->url("/api"), {.method = "POST", .body = std::string(100'000, 'x')});
  EXPECT_EQ(res.status, 413) << res.error;
  EXPECT_EQ(res.json()["error"]["code"], "body_too_large");
}

TEST_F(Server, ClientTricklingHeadersIsCutOff) {
  RawClient c(server_->port());
  ASSERT_TRUE(c.connected());
  const auto began = std::chrono::steady_clock::now();
  c.send("GET /health HTTP/1.1\r\nHost: x\r\n");
  for (int i = 0; i < 30 && !c.closed(); ++i) {
    c.send("X-Slow: y\r\n");
    c.read(100ms);
  }
  c.read(2s);
  EXPECT_TRUE(c.closed());
  EXPECT_LT(std::chrono::steady_clock::now() - began, 2s);
}

TEST_F(Server, CompressesWhenTheClientAcceptsGzip) {
  const auto plain = get(server_->url("/"));
  ASSERT_EQ(plain.status, 200);
  EXPECT_TRUE(plain.header("content-encoding").empty());
  const auto packed = get(server_->url("/"), {"Accept-Encoding: gzip"});
  EXPECT_EQ(packed.header("content-encoding"), "gzip");
  EXPECT_LT(packed.body.size(), plain.body.size());
  EXPECT_EQ(static_cast<unsigned char>(packed.body[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(packed.body[1]), 0x8b);
}

TEST_F(Server, SetsSecurityHeaders) {
  const auto html = get(server_->url("/"));
  EXPECT_EQ(html.header("x-content-type-options"), "nosniff");
  EXPECT_NE(html.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(html.header("content-security-policy").find("script-src 'self'"), std::string::npos);
  EXPECT_FALSE(html.header("referrer-policy").empty());
  const auto json = get(server_->url("/health"));
  EXPECT_EQ(json.header("x-content-type-options"), "nosniff");
  EXPECT_NE(json.header("content-security-policy").find("frame-ancestors"), std::string::npos);
}

TEST_F(Server, SaysTheWebAppIsNotBuiltWhenItIsMissing) {
  const auto res = get(server_->url("/"));
  EXPECT_EQ(res.status, 200);
  EXPECT_NE(res.body.find("not been built"), std::string::npos);
  EXPECT_EQ(get(server_->url("/api/no-such-resource")).status, 404);
}

TEST_F(Server, LogsOneJsonLinePerRequest) {
  get(server_->url("/health"), {"X-Request-Id: log-line-check"});
  const auto log = server_->log_containing("\"request_id\":\"log-line-check\"");
  const auto at = log.find("\"request_id\":\"log-line-check\"");
  ASSERT_NE(at, std::string::npos) << log;
  const auto start = log.rfind('\n', at) + 1;
  const auto line = nlohmann::json::parse(log.substr(start, log.find('\n', at) - start));
  EXPECT_EQ(line["msg"], "request");
  EXPECT_EQ(line["method"], "GET");
  EXPECT_EQ(line["path"], "/health");
  EXPECT_EQ(line["status"], 200);
  EXPECT_TRUE(line["duration_ms"].is_number());
  EXPECT_TRUE(line["bytes"].is_number());
}
