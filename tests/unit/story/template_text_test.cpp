#include <gtest/gtest.h>

#include "story/template_text.hpp"

using namespace storyloom::story;

namespace {
TemplateValues values(std::string name, Pronouns p) { return TemplateValues{std::move(name), p, std::nullopt, std::nullopt, std::nullopt, 6}; }
std::string render(std::string_view tpl, const TemplateValues& v) {
  auto r = render_template(tpl, v);
  EXPECT_TRUE(r) << r.error().message;
  return r.value_or("");
}
}  // namespace

TEST(TemplateText, PossessiveAlwaysAddsApostropheS) {
  EXPECT_EQ(render("{name's} hat", values("James", Pronouns::he)), "James\u2019s hat");
  EXPECT_EQ(render("{name's} hat", values("Emma", Pronouns::she)), "Emma\u2019s hat");
  EXPECT_EQ(render("{Name's} hat", values("Zoë", Pronouns::she)), "Zoë\u2019s hat");
}

TEST(TemplateText, PronounsAndVerbAgreement) {
  const std::string tpl = "{They} {was|were} sure {they're} ready, so {they} {runs|run} to {their} door.";
  EXPECT_EQ(render(tpl, values("A", Pronouns::she)), "She was sure she\u2019s ready, so she runs to her door.");
  EXPECT_EQ(render(tpl, values("A", Pronouns::he)), "He was sure he\u2019s ready, so he runs to his door.");
  EXPECT_EQ(render(tpl, values("A", Pronouns::they)), "They were sure they\u2019re ready, so they run to their door.");
  EXPECT_EQ(render("{themselves} {them} {theirs}", values("A", Pronouns::she)), "herself her hers");
}

TEST(TemplateText, OptionalSectionsLeaveNoGaps) {
  const std::string tpl = "Off went {name}{if companion}, with {companion} behind{end}. {if colour}A {colour} kite!{else}A kite!{end}";
  auto v = values("Ola", Pronouns::they);
  EXPECT_EQ(render(tpl, v), "Off went Ola. A kite!");
  v.companion = "Pip";
  v.colour = "purple";
  EXPECT_EQ(render(tpl, v), "Off went Ola, with Pip behind. A purple kite!");
}

TEST(TemplateText, TypographicQuotes) {
  EXPECT_EQ(render("\"Let's go,\" said {name}.", values("Ana", Pronouns::she)),
            "\u201cLet\u2019s go,\u201d said Ana.");
}

TEST(TemplateText, RefusesBadTemplates) {
  for (const char* bad : {"{nmae}", "{if companion}x", "{end}", "{companion} alone", "{a|b|c}", "open {name", "x}",
                          "{if pet}x{end}", "{if colour}x{else}{colour}{end}", "{colour's}"}) {
    auto r = check_template(bad);
    EXPECT_FALSE(r) << bad;
    if (!r) {
      EXPECT_EQ(r.error().code, "template_invalid");
    }
  }
  EXPECT_TRUE(check_template("{if companion}{companion's} bowl{end}"));
}

TEST(TemplateText, ValuesAreNeverReparsed) {
  // A value containing braces is inserted as-is and never interpreted (validate_child refuses it anyway).
  EXPECT_EQ(render("{name}", values("{they}", Pronouns::he)), "{they}");
}
