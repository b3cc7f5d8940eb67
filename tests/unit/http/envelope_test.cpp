#include <gtest/gtest.h>

#include "http/error_mapping.hpp"
#include "http/error_response.hpp"
#include "http/json_body.hpp"

using namespace storyloom;
using namespace storyloom::http;

TEST(ErrorMapping, MapsEveryKindToItsStatus) {
  using K = core::ErrorKind;
  const std::pair<K, int> table[] = {
      {K::invalid_argument, 400}, {K::unauthenticated, 401}, {K::payment_required, 402}, {K::forbidden, 403},
      {K::not_found, 404}, {K::method_not_allowed, 405}, {K::conflict, 409}, {K::gone, 410},
      {K::too_large, 413}, {K::unsupported, 415}, {K::unprocessable, 422}, {K::rate_limited, 429},
      {K::unavailable, 503}, {K::internal, 500},
  };
  for (const auto& [kind, status] : table) EXPECT_EQ(status_for(kind), status) << core::to_string(kind);
}

TEST(ErrorEnvelope, CarriesCodeMessageDetailsAndRequestId) {
  const core::Error error{core::ErrorKind::unprocessable, "photo_no_face", "We could not find a face.", {{"faces", 0}}};
  const auto res = error_response(error, "req_abc");
  EXPECT_EQ(res.status, 422);
  EXPECT_EQ(res.headers.get("Content-Type"), "application/json");
  const auto body = nlohmann::json::parse(res.body);
  ASSERT_EQ(body.size(), 1u);
  const auto& e = body["error"];
  EXPECT_EQ(e["code"], "photo_no_face");
  EXPECT_EQ(e["message"], "We could not find a face.");
  EXPECT_EQ(e["details"]["faces"], 0);
  EXPECT_EQ(e["request_id"], "req_abc");
}

TEST(ErrorEnvelope, InternalErrorsRevealNothing) {
  const core::Error error{core::ErrorKind::internal, "sqlite_error", "no such table: books (SELECT * FROM books)",
                          {{"sql", "SELECT * FROM books"}}};
  const auto res = error_response(error, "req_x");
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("books"), std::string::npos);
  EXPECT_EQ(res.body.find("sqlite"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(res.body)["error"]["code"], "internal_error");
}

TEST(JsonBody, ParsesObjectsAndRefusesGarbage) {
  Request req;
  req.body = R"({"name":"Emma","age":6})";
  auto ok = parse_json_object(req);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ((*ok)["age"], 6);

  req.body = "{\"name\": ";
  auto bad = parse_json_body(req);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, "invalid_json");
  EXPECT_EQ(status_for(bad.error().kind), 400);

  req.body = "[1,2]";
  auto not_object = parse_json_object(req);
  ASSERT_FALSE(not_object.has_value());
  EXPECT_EQ(not_object.error().code, "invalid_body");
}

TEST(ResultResponse, AnswersValueOrEnvelope) {
  Request req;
  req.request_id = "req_1";
  core::Result<nlohmann::json> good = nlohmann::json{{"id", "bk_1"}};
  EXPECT_EQ(result_response(req, good, 201).status, 201);
  core::Result<nlohmann::json> bad = core::fail(core::ErrorKind::conflict, "illegal_transition", "No.");
  const auto res = result_response(req, bad);
  EXPECT_EQ(res.status, 409);
  EXPECT_EQ(nlohmann::json::parse(res.body)["error"]["request_id"], "req_1");
}
