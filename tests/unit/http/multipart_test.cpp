#include <gtest/gtest.h>

#include "http/multipart.hpp"

using namespace storyloom::http;

namespace {
const std::string kType = "multipart/form-data; boundary=----XyZ";

std::string part(std::string_view headers, std::string_view data) {
  return "------XyZ\r\n" + std::string(headers) + "\r\n\r\n" + std::string(data) + "\r\n";
}
}  // namespace

TEST(Multipart, ParsesFieldsAndFiles) {
  const std::string jpeg("\xFF\xD8\xFF\xE0\r\n--not-a-boundary\r\n\0\x01", 22);
  const std::string body = part("Content-Disposition: form-data; name=\"child\"", "Emma") +
                           part("Content-Disposition: form-data; name=\"photo\"; filename=\"emma.jpg\"\r\nContent-Type: image/jpeg", jpeg) +
                           "------XyZ--\r\n";
  auto parts = parse_multipart(kType, body);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "child");
  EXPECT_EQ((*parts)[0].data, "Emma");
  EXPECT_FALSE((*parts)[0].filename.has_value());
  const auto* photo = find_part(*parts, "photo");
  ASSERT_NE(photo, nullptr);
  EXPECT_EQ(photo->filename, "emma.jpg");
  EXPECT_EQ(photo->content_type, "image/jpeg");
  EXPECT_EQ(photo->data, jpeg);
}

TEST(Multipart, ReadsQuotedBoundaryAndEscapedNames) {
  const std::string type = "multipart/form-data; charset=utf-8; boundary=\"a b\"";
  ASSERT_EQ(multipart_boundary(type), "a b");
  const std::string body = "preamble\r\n--a b\r\nContent-Disposition: form-data; name=\"q\\\"x\"\r\n\r\nv\r\n--a b--";
  auto parts = parse_multipart(type, body);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  EXPECT_EQ((*parts)[0].name, "q\"x");
  EXPECT_EQ((*parts)[0].data, "v");
}

TEST(Multipart, RefusesMalformedBodies) {
  const auto refuse = [](std::string_view type, std::string_view body) {
    auto r = parse_multipart(type, body);
    EXPECT_FALSE(r.has_value()) << body;
    if (!r) EXPECT_EQ(r.error().code, "invalid_multipart");
  };
  refuse("application/json", "{}");
  refuse("multipart/form-data", "------XyZ--");
  refuse(kType, "no boundary at all");
  refuse(kType, part("Content-Disposition: form-data; name=\"a\"", "unterminated").substr(0, 60));
  refuse(kType, "------XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing delimiter");
  refuse(kType, part("Content-Type: text/plain", "no disposition") + "------XyZ--");
  refuse(kType, part("Content-Disposition: attachment; name=\"a\"", "x") + "------XyZ--");
  refuse(kType, part("Content-Disposition: form-data", "no name") + "------XyZ--");
  refuse(kType, part("Content-Disposition: form-data; name=\"a", "open quote") + "------XyZ--");
  refuse(kType, part("Content-Disposition: form-data; name=\"a\"\r\n" + std::string(5000, 'x') + ": y", "") + "------XyZ--");
}

TEST(Multipart, BoundsTheNumberOfParts) {
  std::string body;
  for (int i = 0; i < 20; ++i) body += part("Content-Disposition: form-data; name=\"f\"", "x");
  body += "------XyZ--";
  auto r = parse_multipart(kType, body, {.max_parts = 16});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "multipart_too_many_parts");
  EXPECT_TRUE(parse_multipart(kType, body, {.max_parts = 20}).has_value());
}

TEST(Multipart, RejectsOverlongBoundaries) {
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'b')).has_value());
  EXPECT_FALSE(multipart_boundary("multipart/mixed; boundary=abc").has_value());
}
