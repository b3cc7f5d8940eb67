#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "story/child.hpp"

using namespace storyloom::story;

TEST(Child, AcceptsNamesInAnyScriptWithApostrophesAndHyphens) {
  for (const char* name : {"Emma", "James", "Mary-Jane", "D'Arcy", "Zoë", "Олег", "明", "آدم", "Nguyễn Thị Lan", "St. Clair"}) {
    Child c{name, 6, Pronouns::she};
    auto r = validate_child(c);
    EXPECT_TRUE(r) << name;
    if (r) {
      EXPECT_EQ(r->name, name);
    }
  }
}

TEST(Child, NormalizesSpacesAndColour) {
  Child c{"  Anna   Lee ", 5, Pronouns::she};
  c.favourite_colour = "  Sky Blue ";
  auto r = validate_child(c);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Anna Lee");
  EXPECT_EQ(*r->favourite_colour, "sky blue");
}

TEST(Child, RefusesTemplateSyntaxDigitsAndBrokenUtf8) {
  // std::string elements: a c_str() of a temporary would dangle once the list is built.
  const std::vector<std::string> names{"", "   ", "{name}", "Emma2", "<b>", "a|b", "\xff\xfe", "---", std::string(61, 'a')};
  for (const std::string& name : names) {
    auto r = validate_child(Child{name, 6, Pronouns::she});
    ASSERT_FALSE(r) << name;
    EXPECT_EQ(r.error().code, "child_name_invalid");
    EXPECT_EQ(r.error().details["field"], "name");
  }
  Child c{"Emma", 6, Pronouns::she};
  c.companion = Companion{"{pet}", "dog"};
  EXPECT_EQ(validate_child(c).error().code, "companion_invalid");
}

TEST(Child, ParsesPronouns) {
  EXPECT_EQ(parse_pronouns("She"), Pronouns::she);
  EXPECT_EQ(parse_pronouns("he/him"), Pronouns::he);
  EXPECT_EQ(parse_pronouns("they"), Pronouns::they);
  EXPECT_FALSE(parse_pronouns("it"));
}
