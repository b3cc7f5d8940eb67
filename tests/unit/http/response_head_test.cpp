// The head the server writes before a body held in memory.
#include <gtest/gtest.h>

#include "http/response_head.hpp"

using namespace storyloom::http;

TEST(ResponseHead, StatusLineHandlerFieldsThenTheServersOwn) {
  Response res = Response::text(201, "hello");
  res.headers.add("Set-Cookie", "a=1");
  res.headers.add("Set-Cookie", "b=2");
  EXPECT_EQ(response_head(res, "Created", 5, true),
            "HTTP/1.1 201 Created\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Set-Cookie: a=1\r\n"
            "Set-Cookie: b=2\r\n"
            "Server: storyloom\r\n"
            "Content-Length: 5\r\n"
            "\r\n");
}

TEST(ResponseHead, SaysConnectionCloseWhenTheConnectionEnds) {
  const std::string head = response_head(Response::text(200, ""), "OK", 0, false);
  EXPECT_TRUE(head.ends_with("Content-Length: 0\r\nConnection: close\r\n\r\n")) << head;
}

TEST(ResponseHead, StatusesWithoutABodyHaveNoContentLength) {
  for (int status : {101, 204, 304}) {
    Response res;
    res.status = status;
    const std::string head = response_head(res, "x", 0, true);
    EXPECT_EQ(head.find("Content-Length"), std::string::npos) << head;
    EXPECT_TRUE(status_has_no_body(status));
  }
  EXPECT_FALSE(status_has_no_body(200));
  EXPECT_FALSE(status_has_no_body(205));
}

TEST(ResponseHead, FieldsTheServerOwnsAreNotTakenFromTheHandler) {
  Response res = Response::text(200, "hello");
  res.headers.add("content-length", "999");
  res.headers.add("Connection", "keep-alive, Upgrade");
  res.headers.add("Transfer-Encoding", "chunked");
  res.headers.add("Server", "nginx");
  const std::string head = response_head(res, "OK", 5, false);
  EXPECT_EQ(head.find("999"), std::string::npos) << head;
  EXPECT_EQ(head.find("Upgrade"), std::string::npos) << head;
  EXPECT_EQ(head.find("chunked"), std::string::npos) << head;
  EXPECT_EQ(head.find("nginx"), std::string::npos) << head;
  EXPECT_NE(head.find("Content-Length: 5\r\n"), std::string::npos) << head;
}

TEST(ResponseHead, FieldsWithLineBreaksAreDropped) {
  Response res = Response::text(200, "ok");
  res.headers.set("X-Name", "a\r\nSet-Cookie: stolen=1");
  res.headers.set("X-Bad\nName", "v");
  res.headers.set("X-Fine", "yes");
  const std::string head = response_head(res, "OK", 2, true);
  EXPECT_EQ(head.find("stolen"), std::string::npos) << head;
  EXPECT_EQ(head.find("X-Bad"), std::string::npos) << head;
  EXPECT_NE(head.find("X-Fine: yes\r\n"), std::string::npos) << head;
}

TEST(ResponseHead, AnInvalidStatusGoesOutAs500) {
  Response res = Response::text(42, "?");
  EXPECT_EQ(wire_status(42), 500);
  EXPECT_EQ(wire_status(600), 500);
  EXPECT_EQ(wire_status(599), 599);
  EXPECT_TRUE(response_head(res, "Internal Server Error", 1, true).starts_with("HTTP/1.1 500 Internal Server Error\r\n"));
}
