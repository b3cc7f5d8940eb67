#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

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

// Last-Modified is an HTTP date, always GMT: once it was written in the machine's local time.
TEST(FileResponse, LastModifiedIsGmtWhateverTheTimeZone) {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / ("last_modified_" + std::to_string(::getpid()));
  std::ofstream(file) << "x";
  const auto mtime = std::chrono::sys_seconds(std::chrono::seconds(1'700'000'000));
  fs::last_write_time(file, std::chrono::file_clock::from_sys(mtime));
  ::setenv("TZ", "XYZ+05", 1);  // five hours behind UTC
  ::tzset();
  const auto req = make_request("GET", "/f");
  ASSERT_TRUE(req.has_value());
  const Response res = file_response(*req, file, "text/plain");
  ::unsetenv("TZ");
  ::tzset();
  fs::remove(file);
  EXPECT_EQ(res.headers.get("Last-Modified").value_or(""), "Tue, 14 Nov 2023 22:13:20 GMT");
}
