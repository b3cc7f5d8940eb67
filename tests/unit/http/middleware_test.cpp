#include <gtest/gtest.h>

#include <stdexcept>

#include "http/gzip.hpp"
#include "http/middleware.hpp"

using namespace storyloom::http;

namespace {

Request request(std::string method, std::string target) {
  auto req = make_request(method, target);
  EXPECT_TRUE(req.has_value());
  return *req;
}

Handler pipeline(Handler inner, std::vector<std::string> cors = {}) {
  return make_pipeline(std::move(inner), {.cors_origins = std::move(cors), .gzip_min_bytes = 64, .access_log = false});
}

}  // namespace

TEST(RequestId, AcceptsSaneIdsAndReplacesOthers) {
  EXPECT_TRUE(is_acceptable_request_id("abc-123_X.y"));
  EXPECT_FALSE(is_acceptable_request_id(""));
  EXPECT_FALSE(is_acceptable_request_id(std::string(65, 'a')));
  EXPECT_FALSE(is_acceptable_request_id("a b"));
  EXPECT_FALSE(is_acceptable_request_id("a\r\nSet-Cookie: x"));

  std::string seen;
  auto handler = pipeline([&](Request& req) {
    seen = req.request_id;
    return Response::no_content();
  });
  auto given = request("GET", "/x");
  given.headers.set("X-Request-Id", "client-id.1");
  EXPECT_EQ(handler(given).headers.get("X-Request-Id"), "client-id.1");
  EXPECT_EQ(seen, "client-id.1");

  auto odd = request("GET", "/x");
  odd.headers.set("X-Request-Id", "<script>");
  const auto res = handler(odd);
  EXPECT_NE(seen, "<script>");
  EXPECT_TRUE(seen.starts_with("req_"));
  EXPECT_EQ(res.headers.get("X-Request-Id"), seen);
}

TEST(ExceptionGuard, TurnsExceptionsIntoA500Envelope) {
  auto handler = pipeline([](Request&) -> Response { throw std::runtime_error("secret internals: /etc/passwd"); });
  auto req = request("GET", "/boom");
  const auto res = handler(req);
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("passwd"), std::string::npos);
  const auto body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["error"]["code"], "internal_error");
  EXPECT_EQ(body["error"]["request_id"], req.request_id);
}

TEST(SecurityHeaders, AreSetAndHtmlGetsAPolicy) {
  auto handler = pipeline([](Request&) { return Response::html(200, "<p>hi</p>"); });
  auto req = request("GET", "/");
  const auto res = handler(req);
  EXPECT_EQ(res.headers.get("X-Content-Type-Options"), "nosniff");
  EXPECT_TRUE(res.headers.get("Content-Security-Policy")->find("default-src 'self'") != std::string_view::npos);
  EXPECT_TRUE(res.headers.get("Content-Security-Policy")->find("frame-ancestors 'none'") != std::string_view::npos);
  EXPECT_TRUE(res.headers.has("Referrer-Policy"));
}

TEST(Gzip, CompressesTextWhenAcceptedOnly) {
  const std::string text(2000, 'a');
  auto handler = pipeline([&](Request&) { return Response::text(200, text); });
  auto plain = request("GET", "/");
  EXPECT_EQ(handler(plain).body, text);

  auto gz = request("GET", "/");
  gz.headers.set("Accept-Encoding", "br, gzip;q=0.8");
  const auto res = handler(gz);
  EXPECT_EQ(res.headers.get("Content-Encoding"), "gzip");
  EXPECT_LT(res.body.size(), text.size());
  EXPECT_EQ(gzip_decompress(res.body), text);

  auto refused = request("GET", "/");
  refused.headers.set("Accept-Encoding", "gzip;q=0");
  EXPECT_FALSE(handler(refused).headers.has("Content-Encoding"));
}

TEST(Gzip, LeavesImagesAndSmallBodiesAlone) {
  EXPECT_FALSE(is_compressible_type("image/jpeg"));
  EXPECT_TRUE(is_compressible_type("application/json"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("*;q=0"));
  auto handler = pipeline([](Request&) { return Response::text(200, "short"); });
  auto req = request("GET", "/");
  req.headers.set("Accept-Encoding", "gzip");
  EXPECT_FALSE(handler(req).headers.has("Content-Encoding"));
}

TEST(Cors, AllowsConfiguredOriginsOnly) {
  auto handler = pipeline([](Request&) { return Response::json(200, {{"ok", true}}); }, {"https://shop.example"});
  auto allowed = request("GET", "/api");
  allowed.headers.set("Origin", "https://shop.example");
  EXPECT_EQ(handler(allowed).headers.get("Access-Control-Allow-Origin"), "https://shop.example");

  auto other = request("GET", "/api");
  other.headers.set("Origin", "https://evil.example");
  EXPECT_FALSE(handler(other).headers.has("Access-Control-Allow-Origin"));

  auto preflight = request("OPTIONS", "/api/books");
  preflight.headers.set("Origin", "https://shop.example");
  preflight.headers.set("Access-Control-Request-Method", "POST");
  const auto res = handler(preflight);
  EXPECT_EQ(res.status, 204);
  EXPECT_TRUE(res.headers.get("Access-Control-Allow-Methods")->find("POST") != std::string_view::npos);
}

TEST(Chain, RunsMiddlewareInOrder) {
  std::string trace;
  auto mw = [&](char c) {
    return Middleware([&trace, c](Request& req, const Handler& next) {
      trace.push_back(c);
      return next(req);
    });
  };
  auto handler = chain({mw('a'), mw('b')}, [&](Request&) {
    trace.push_back('h');
    return Response::no_content();
  });
  Request req;
  handler(req);
  EXPECT_EQ(trace, "abh");
}

TEST(Sse, FormatsEventsWithMultilineData) {
  EXPECT_EQ(sse_event("progress", "{\"p\":1}"), "event: progress\ndata: {\"p\":1}\n\n");
  EXPECT_EQ(sse_event("", "a\nb"), "data: a\ndata: b\n\n");
}
