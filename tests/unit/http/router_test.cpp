#include <gtest/gtest.h>

#include "http/router.hpp"

using namespace storyloom::http;

namespace {

Request routed(std::string method, std::string target) {
  auto req = make_request(method, target);
  EXPECT_TRUE(req.has_value());
  req->request_id = "req_test";
  return *req;
}

Handler answer(std::string text) {
  return [text](Request& req) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [k, v] : req.path_params) params[k] = v;
    return Response::json(200, {{"route", text}, {"params", params}});
  };
}

nlohmann::json body(const Response& res) { return nlohmann::json::parse(res.body); }

}  // namespace

TEST(Router, MatchesPathParameters) {
  Router r;
  r.get("/api/books/{id}/pages/{n}", answer("page"));
  auto req = routed("GET", "/api/books/bk_1/pages/7");
  const auto res = r.dispatch(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(body(res)["route"], "page");
  EXPECT_EQ(body(res)["params"]["id"], "bk_1");
  EXPECT_EQ(body(res)["params"]["n"], "7");
  EXPECT_EQ(req.param("n"), "7");
  EXPECT_THROW((void)req.param("missing"), std::logic_error);
}

TEST(Router, DecodesParametersAndQuery) {
  Router r;
  r.get("/api/children/{name}", answer("child"));
  auto req = routed("GET", "/api/children/Emma%20Rose?limit=10&tag=a+b&tag=c");
  const auto res = r.dispatch(req);
  EXPECT_EQ(body(res)["params"]["name"], "Emma Rose");
  EXPECT_EQ(req.query_param("limit"), "10");
  EXPECT_EQ(req.query.count("tag"), 2u);
  EXPECT_EQ(req.query_param("tag"), "a b");
}

TEST(Router, UnknownPathIsA404Envelope) {
  Router r;
  r.get("/api/books", answer("list"));
  auto req = routed("GET", "/api/nothing");
  const auto res = r.dispatch(req);
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(body(res)["error"]["code"], "not_found");
  EXPECT_EQ(body(res)["error"]["request_id"], "req_test");
}

TEST(Router, WrongMethodIsA405WithAllow) {
  Router r;
  r.get("/api/books", answer("list"));
  r.post("/api/books", answer("create"));
  auto req = routed("DELETE", "/api/books");
  const auto res = r.dispatch(req);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(body(res)["error"]["code"], "method_not_allowed");
  EXPECT_EQ(res.headers.get("Allow"), "GET, POST, HEAD");
}

TEST(Router, GetRoutesAnswerHead) {
  Router r;
  r.get("/health", answer("health"));
  auto req = routed("HEAD", "/health");
  EXPECT_EQ(r.dispatch(req).status, 200);
}

TEST(Router, LiteralSegmentsWinOverParameters) {
  Router r;
  r.get("/api/books/{id}", answer("one"));
  r.get("/api/books/library", answer("library"));
  auto req = routed("GET", "/api/books/library");
  EXPECT_EQ(body(r.dispatch(req))["route"], "library");
  auto other = routed("GET", "/api/books/bk_2");
  EXPECT_EQ(body(r.dispatch(other))["route"], "one");
}

TEST(Router, TailParameterTakesTheRestOfThePath) {
  Router r;
  r.get("/files/{key...}", answer("file"));
  auto req = routed("GET", "/files/books/bk_1/pages/01.jpg?exp=1&sig=x");
  EXPECT_EQ(body(r.dispatch(req))["params"]["key"], "books/bk_1/pages/01.jpg");
  auto empty = routed("GET", "/files/");
  EXPECT_EQ(r.dispatch(empty).status, 404);
}

TEST(Router, ParametersDoNotMatchEmptySegmentsOrExtraSegments) {
  Router r;
  r.get("/api/books/{id}", answer("one"));
  auto empty = routed("GET", "/api/books/");
  EXPECT_EQ(r.dispatch(empty).status, 404);
  auto extra = routed("GET", "/api/books/bk_1/more");
  EXPECT_EQ(r.dispatch(extra).status, 404);
}

TEST(Router, FallbackAnswersUnmatchedGetsOnly) {
  Router r;
  r.post("/api/books", answer("create"));
  r.set_fallback(answer("web"));
  auto get = routed("GET", "/library/shelf");
  EXPECT_EQ(body(r.dispatch(get))["route"], "web");
  auto post = routed("POST", "/library/shelf");
  EXPECT_EQ(r.dispatch(post).status, 404);
  auto wrong_method = routed("GET", "/api/books");
  EXPECT_EQ(r.dispatch(wrong_method).status, 405);
}

TEST(Router, RejectsMalformedPatterns) {
  Router r;
  EXPECT_THROW(r.get("api/books", answer("x")), std::invalid_argument);
  EXPECT_THROW(r.get("/files/{key...}/more", answer("x")), std::invalid_argument);
  EXPECT_THROW(r.get("/a/b{c}", answer("x")), std::invalid_argument);
  EXPECT_THROW(r.get("/a/{}", answer("x")), std::invalid_argument);
}

TEST(Request, RejectsTargetsThatAreNotPaths) {
  EXPECT_FALSE(make_request("GET", "*").has_value());
  EXPECT_FALSE(make_request("GET", "http://evil/x").has_value());
  EXPECT_FALSE(make_request("GET", "/a%00b").has_value());
  EXPECT_FALSE(make_request("GET", "/a%zz").has_value());
  EXPECT_TRUE(make_request("GET", "/a%2Fb").has_value());
}
