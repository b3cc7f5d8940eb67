// Text helpers shared by header and form parsers.
#include <gtest/gtest.h>

#include "core/text.hpp"

namespace storyloom::core {
namespace {

TEST(Text, LineBreaksAreCarriageReturnsAndLineFeedsAnywhere) {
  EXPECT_FALSE(has_line_break(""));
  EXPECT_FALSE(has_line_break("text/html; charset=utf-8\t"));
  EXPECT_TRUE(has_line_break("a\r\nSet-Cookie: stolen=1"));
  EXPECT_TRUE(has_line_break("\n"));
  EXPECT_TRUE(has_line_break("end\r"));
  EXPECT_TRUE(has_line_break(std::string_view("nul\0then\n", 10)));
}

TEST(Text, TrimAndUpperCase) {
  EXPECT_EQ(trim(" \t gb \r\n"), "gb");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(ascii_upper("gb-é"), "GB-é");
}

}  // namespace
}  // namespace storyloom::core
