// The log writes whole JSON lines to stderr; these tests point stderr at a temp file.
#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/log.hpp"

namespace storyloom::core {
namespace {

using namespace std::chrono_literals;

class StderrCapture {
 public:
  StderrCapture() : path_(std::filesystem::temp_directory_path() / ("log_test_" + std::to_string(::getpid()))) {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
  }
  ~StderrCapture() {
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    std::filesystem::remove(path_);
  }
  std::vector<nlohmann::json> lines() const {
    std::ifstream in(path_);
    std::vector<nlohmann::json> out;
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  }

 private:
  std::filesystem::path path_;
  int saved_ = -1;
};

TEST(Log, WritesOneJsonObjectPerLineWithTheFields) {
  StderrCapture capture;
  log_info("request", {{"path", "/a\"b\n"}, {"status", 200}, {"msg", "not the message"}, {"odd \"key\"", 1}});
  const auto lines = capture.lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["msg"], "request");
  EXPECT_EQ(lines[0]["level"], "info");
  EXPECT_EQ(lines[0]["path"], "/a\"b\n");
  EXPECT_EQ(lines[0]["status"], 200);
  EXPECT_EQ(lines[0]["odd \"key\""], 1);
  EXPECT_TRUE(lines[0]["ts"].get<std::string>().ends_with("Z"));
}

// The timestamp says Z, so it is UTC even on a machine whose TZ is not (fmt 9 formats a
// system_clock time in local time, which this line once did).
TEST(Log, TimestampsAreUtcWithMillisecondsWhateverTheTimeZone) {
  ::setenv("TZ", "XYZ+05", 1);
  ::tzset();
  StderrCapture capture;
  const std::time_t before = std::time(nullptr);
  log_info("tick");
  const std::time_t after = std::time(nullptr);
  ::unsetenv("TZ");
  ::tzset();
  const auto lines = capture.lines();
  ASSERT_EQ(lines.size(), 1u);
  const std::string ts = lines[0]["ts"];
  ASSERT_EQ(ts.size(), 24u) << ts;  // 2026-12-06T05:13:19.123Z
  std::tm tm{};
  ASSERT_NE(::strptime(ts.c_str(), "%Y-%m-%dT%H:%M:%S", &tm), nullptr) << ts;
  const std::time_t logged = ::timegm(&tm);
  EXPECT_GE(logged, before) << ts;
  EXPECT_LE(logged, after) << ts;
  EXPECT_EQ(ts.back(), 'Z');
}

TEST(Log, ReplacesInvalidUtf8RatherThanDroppingTheLine) {
  StderrCapture capture;
  log_warn("bad \xff bytes", {{"value", std::string("x\xfe")}});
  const auto lines = capture.lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["msg"], "bad \xEF\xBF\xBD bytes");
  EXPECT_EQ(lines[0]["value"], "x\xEF\xBF\xBD");
}

// Runs last in this file: buffering, once on, stays on for the process.
// The access log's path: values written straight into the line must come out as the same json
// a json object would have given, escapes and bad UTF-8 included.
TEST(Log, HotPathFieldsAreEscapedLikeJsonValues) {
  StderrCapture capture;
  const std::string bad_utf8 = "caf\xC3";
  const std::array<LogField, 9> fields{{{"path", "/a\"b\\c\n\x01"},
                                        {"plain", "/api/books"},
                                        {"utf8", "caf\xC3\xA9 \xF0\x9F\x98\x80"},
                                        {"bad", bad_utf8},
                                        {"status", std::int64_t{-404}},
                                        {"duration_ms", 0.125},
                                        {"infinite", 1.0 / 0.0},
                                        {"streaming", true},
                                        {"msg", "not the message"}}};
  log_fields(LogLevel::info, "request", fields);
  log_fields(LogLevel::debug, "below the level", fields);
  const auto lines = capture.lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["msg"], "request");
  EXPECT_EQ(lines[0]["path"], "/a\"b\\c\n\x01");
  EXPECT_EQ(lines[0]["plain"], "/api/books");
  EXPECT_EQ(lines[0]["utf8"], "caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(lines[0]["bad"], "caf\xEF\xBF\xBD");  // U+FFFD in place of the cut-off byte
  EXPECT_EQ(lines[0]["status"], -404);
  EXPECT_DOUBLE_EQ(lines[0]["duration_ms"].get<double>(), 0.125);
  EXPECT_TRUE(lines[0]["infinite"].is_null());
  EXPECT_EQ(lines[0]["streaming"], true);
}

TEST(Log, BufferedLinesArriveLaterButInOrderAndAWarningBringsThemOut) {
  StderrCapture capture;
  buffer_log_lines(std::chrono::milliseconds(60'000));  // only a warning or a flush writes
  log_info("first");
  log_info("second");
  EXPECT_TRUE(capture.lines().empty());
  log_warn("third");
  auto lines = capture.lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["msg"], "first");
  EXPECT_EQ(lines[1]["msg"], "second");
  EXPECT_EQ(lines[2]["msg"], "third");
  log_info("fourth");
  flush_log();
  lines = capture.lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[3]["msg"], "fourth");
}

}  // namespace
}  // namespace storyloom::core
