// The promise to parents: over every theme x age band x pronoun set x optional detail, every
// text variant reads cleanly — no template syntax, names right, length fit for the age band.
#include <regex>

#include <gtest/gtest.h>

#include "catalog/catalog.hpp"
#include "story/template_text.hpp"
#include "story/template_writer.hpp"

using namespace storyloom;
using story::Pronouns;

namespace {

std::shared_ptr<const catalog::Catalog> shipped_catalog() {
  static auto c = [] {
    auto r = catalog::load_catalog(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog");
    if (!r) throw std::runtime_error(r.error().message);
    return std::make_shared<const catalog::Catalog>(std::move(*r));
  }();
  return c;
}

std::unique_ptr<story::TemplateWriter> writer() {
  auto w = story::TemplateWriter::create(shipped_catalog());
  if (!w) throw std::runtime_error(w.error().message);
  return std::move(*w);
}

int count_words(const std::string& s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Sentence ends: . ! ? or … (maybe with a closing quote) before the end of the text or a space
// and a word that does not start in lower case ("“Hello!” said Ana." is one sentence).
int count_sentences(const std::string& s) {
  static const std::regex end(R"((\.|!|\?|…)(”)?( |$))");
  int n = 0;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), end); it != std::sregex_iterator(); ++it) {
    const auto next = static_cast<std::size_t>(it->position() + it->length());
    if (next < s.size() && std::islower(static_cast<unsigned char>(s[next]))) continue;
    ++n;
  }
  return n;
}

void expect_clean(const std::string& text, const std::string& where) {
  for (std::string_view bad : {"{", "}", "|", "[", "]", "<", ">", "_", "'", "\"", "  ", " ,", " .", " !", " ?",
                               "..", ",,", "nullopt", "if companion", "if colour", "if hometown"})
    EXPECT_EQ(text.find(bad), std::string::npos) << where << ": found '" << bad << "' in: " << text;
  EXPECT_FALSE(text.empty()) << where;
  EXPECT_NE(text.front(), ' ') << where;
  EXPECT_NE(text.back(), ' ') << where;
}

void expect_agreement(const std::string& text, Pronouns p, const std::string& where) {
  const std::vector<std::string> wrong = p == Pronouns::they
      ? std::vector<std::string>{"they was", "They was", "they is", "They is", "they has", "They has", "they doesn't",
                                 "themself", "they wasn't", "They wasn't"}
      : std::vector<std::string>{"she were", "She were", "he were", "He were", "she are", "She are", "he are",
                                 "He are", "she have", "he have", "she don't", "he don't", "She don't", "He don't", "she know", "he know", "She know", "He know", "she see", "he see"};
  for (const auto& w : wrong) EXPECT_EQ(text.find(w + " "), std::string::npos) << where << ": '" << w << "' in: " << text;
}

struct Details {
  bool companion, colour, hometown;
};

}  // namespace

TEST(TemplateWriter, EveryVariantOfEveryThemeReadsCleanly) {
  const auto c = shipped_catalog();
  int checked = 0;
  for (const auto& theme : c->themes)
    for (const auto& band : c->age_bands)
      for (Pronouns p : {Pronouns::she, Pronouns::he, Pronouns::they})
        for (Details d : {Details{false, false, false}, Details{true, true, true}, Details{true, false, false}}) {
          const story::TemplateValues v{"Mary-Jane", p, d.companion ? std::optional<std::string>("Biscuit") : std::nullopt,
                                        d.colour ? std::optional<std::string>("sky blue") : std::nullopt,
                                        d.hometown ? std::optional<std::string>("Stoke-on-Trent") : std::nullopt, band.min_age};
          std::vector<const std::vector<std::string>*> groups{&theme.ending.at(band.id)};
          for (const auto& page : theme.pages) groups.push_back(&page.text.at(band.id));
          for (const auto* variants : groups)
            for (const auto& tpl : *variants) {
              const auto where = theme.id + " " + band.id + " " + story::to_string(p);
              auto text = story::render_template(tpl, v);
              ASSERT_TRUE(text) << where << ": " << text.error().message;
              expect_clean(*text, where);
              expect_agreement(*text, p, where);
              EXPECT_LE(count_words(*text), band.max_words) << where << ": too long: " << *text;
              EXPECT_LE(count_sentences(*text), band.max_sentences) << where << ": too many sentences: " << *text;
              if (d.companion && tpl.find("{companion}") != std::string::npos) {
                EXPECT_NE(text->find("Biscuit"), std::string::npos) << where;
              }
              if (!d.companion) {
                EXPECT_EQ(text->find("Biscuit"), std::string::npos) << where;
              }
              ++checked;
            }
        }
  EXPECT_GT(checked, 8 * 3 * 3 * 3 * 11 * 2 - 1);
}

TEST(TemplateWriter, WritesAWholeBookForEveryThemeBandAndPronoun) {
  const auto w = writer();
  for (const auto& theme : shipped_catalog()->themes)
    for (int age : {3, 6, 9})
      for (Pronouns p : {Pronouns::she, Pronouns::he, Pronouns::they})
        for (bool with_companion : {false, true}) {
          story::Child child{"James", age, p};
          if (with_companion) child.companion = story::Companion{"Pip", ""};
          auto s = w->write({child, theme.id, 42});
          ASSERT_TRUE(s) << s.error().message;
          ASSERT_EQ(s->pages.size(), 10u);
          EXPECT_NE(s->title.find("James"), std::string::npos) << s->title;
          for (const auto* text : {&s->title, &s->dedication, &s->cover_text, &s->ending}) expect_clean(*text, theme.id);
          for (const auto& page : s->pages) {
            expect_clean(page.text, theme.id);
            expect_clean(page.brief.description, theme.id);
            EXPECT_EQ(page.brief.theme, theme.id);
            EXPECT_TRUE(page.brief.companion == false || with_companion);
            if (page.brief.companion) {
              EXPECT_EQ(page.brief.companion_kind, theme.default_companion);
            }
          }
        }
}

TEST(TemplateWriter, SameInputsSameBookDifferentChildDifferentBook) {
  const auto w = writer();
  const story::StoryRequest emma{{"Emma", 6, Pronouns::she}, "enchanted-forest", 7};
  auto a = w->write(emma), b = w->write(emma);
  ASSERT_TRUE(a && b);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(a->pages[i].text, b->pages[i].text);
  EXPECT_EQ(a->title, b->title);

  int differing = 0;
  for (const char* name : {"Olivia", "Noah", "Amara", "Leo"}) {
    auto other = w->write({{name, 6, Pronouns::she}, "enchanted-forest", 7});
    ASSERT_TRUE(other);
    std::string mine, theirs;
    for (int i = 0; i < 10; ++i) {
      mine += a->pages[i].text;
      std::string t = other->pages[i].text;
      for (auto pos = t.find(name); pos != std::string::npos; pos = t.find(name)) t.replace(pos, std::strlen(name), "Emma");
      theirs += t;
    }
    differing += mine != theirs;
  }
  EXPECT_GE(differing, 3) << "different children should get different variant mixes";
}

TEST(TemplateWriter, NamesComeOutRightInEveryScript) {
  const auto w = writer();
  for (const char* name : {"James", "Zoë", "D'Arcy", "Олег", "明", "Mary-Jane"}) {
    auto s = w->write({{name, 9, Pronouns::they}, "space-voyage", 3});
    ASSERT_TRUE(s) << name;
    std::string all = s->title;
    for (const auto& p : s->pages) all += " " + p.text;
    EXPECT_NE(all.find(name), std::string::npos) << name;
  }
  auto james = w->write({{"James", 6, Pronouns::he}, "enchanted-forest", 1});
  ASSERT_TRUE(james);
  std::string all;
  for (const auto& p : james->pages) all += p.text;
  if (all.find("James\u2019") != std::string::npos) {
    EXPECT_NE(all.find("James\u2019s"), std::string::npos);
  }
}

TEST(TemplateWriter, RefusesUnknownThemeAndAge) {
  const auto w = writer();
  EXPECT_EQ(w->write({{"Emma", 6, Pronouns::she}, "moon-base", 1}).error().code, "theme_unknown");
  EXPECT_EQ(w->write({{"Emma", 14, Pronouns::she}, "space-voyage", 1}).error().code, "age_out_of_range");
  story::Child c{"Emma", 6, Pronouns::she};
  c.companion = story::Companion{"Rex", "tyrannosaurus"};
  EXPECT_EQ(w->write({c, "space-voyage", 1}).error().code, "companion_invalid");
}

TEST(TemplateWriter, BrokenTemplateStopsStartUpNamingTheField) {
  auto c = std::make_shared<catalog::Catalog>(*shipped_catalog());
  c->themes[0].pages[4].text["5-7"][1] = "{name} met {thier} friend.";
  auto w = story::TemplateWriter::create(c);
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().message.find("pages[4].text.5-7[1]: unknown tag {thier}"), std::string::npos) << w.error().message;
}
