#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace storyloom::core {
namespace {

// Sets TZ for one test: a machine five hours behind UTC (POSIX form, no tzdata needed).
class FiveHoursBehindUtc : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* tz = std::getenv("TZ")) saved_ = tz;
    ::setenv("TZ", "XYZ+05", 1);
    ::tzset();
  }
  void TearDown() override {
    if (saved_) ::setenv("TZ", saved_->c_str(), 1);
    else ::unsetenv("TZ");
    ::tzset();
  }

 private:
  std::optional<std::string> saved_;
};

TEST_F(FiveHoursBehindUtc, FormatUtcIsUtcWhateverTheTimeZone) {
  EXPECT_EQ(format_utc(1'700'000'000, "%Y-%m-%dT%H:%M:%SZ"), "2023-11-14T22:13:20Z");
  EXPECT_EQ(format_utc(1'700'000'000, "%a, %d %b %Y %H:%M:%S GMT"), "Tue, 14 Nov 2023 22:13:20 GMT");
  EXPECT_EQ(format_utc(0, "%Y-%m-%d %H:%M"), "1970-01-01 00:00");
}

}  // namespace
}  // namespace storyloom::core
