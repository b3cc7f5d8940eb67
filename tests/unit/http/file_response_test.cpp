#include <gtest/gtest.h>

#include "http/file_response.hpp"

using namespace storyloom::http;

TEST(ByteRanges, InterpretsSingleRanges) {
  ByteRange r;
  ASSERT_EQ(parse_range("bytes=0-99", 1000, r), RangeOutcome::partial);
  EXPECT_EQ(r.offset, 0u);
  EXPECT_EQ(r.length, 100u);
  ASSERT_EQ(parse_range("bytes=900-", 1000, r), RangeOutcome::partial);
  EXPECT_EQ(r.offset, 900u);
  EXPECT_EQ(r.length, 100u);
  ASSERT_EQ(parse_range("bytes=-10", 1000, r), RangeOutcome::partial);
  EXPECT_EQ(r.offset, 990u);
  EXPECT_EQ(r.length, 10u);
  ASSERT_EQ(parse_range("bytes=990-5000", 1000, r), RangeOutcome::partial);
  EXPECT_EQ(r.length, 10u);
}

TEST(ByteRanges, UnsatisfiableAndIgnoredRanges) {
  ByteRange r;
  EXPECT_EQ(parse_range("bytes=1000-", 1000, r), RangeOutcome::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=-0", 1000, r), RangeOutcome::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=5-1", 1000, r), RangeOutcome::whole);
  EXPECT_EQ(parse_range("bytes=0-1,5-6", 1000, r), RangeOutcome::whole);
  EXPECT_EQ(parse_range("items=0-1", 1000, r), RangeOutcome::whole);
  EXPECT_EQ(parse_range("bytes=a-b", 1000, r), RangeOutcome::whole);
}

TEST(MimeTypes, KnowsTheWebAppsFiles) {
  EXPECT_EQ(mime_type_for("assets/index-3f2a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(mime_type_for("font.woff2"), "font/woff2");
  EXPECT_EQ(mime_type_for("unknown.xyz"), "application/octet-stream");
}
