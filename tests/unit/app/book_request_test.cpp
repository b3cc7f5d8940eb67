// The child snapshot of a book row in the story engine's terms, and what POST /api/books checks
// before a book is made.
#include <gtest/gtest.h>

#include "../print/print_fixture.hpp"
#include "app/pipeline/book_request_check.hpp"
#include "app/pipeline/brief_json.hpp"
#include "app/pipeline/child_snapshot.hpp"

using namespace storyloom;

TEST(ChildSnapshot, ReadsEveryFieldTheParentGave) {
  const nlohmann::json child{{"name", "Zoë"}, {"age", 5}, {"pronouns", "he/him"}, {"favourite_colour", "green"},
                             {"companion", {{"name", "Biscuit"}, {"kind", "dog"}}}, {"hometown", "Leeds"}};
  auto r = app::story_request_for(child, "space-voyage", 42);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->child.name, "Zoë");
  EXPECT_EQ(r->child.age, 5);
  EXPECT_EQ(r->child.pronouns, story::Pronouns::he);
  EXPECT_EQ(r->child.favourite_colour, "green");
  EXPECT_EQ(r->child.companion->kind, "dog");
  EXPECT_EQ(r->child.hometown, "Leeds");
  EXPECT_EQ(r->theme, "space-voyage");
  EXPECT_EQ(r->seed, 42u);
  EXPECT_EQ(app::pronouns_of(child), "he");
  EXPECT_EQ(app::favourite_colour_of(child), "green");
  auto named = app::story_request_for({{"name", "Ada"}, {"age", 4}, {"companion", "Biscuit"}}, "t", 1);
  EXPECT_EQ(named->child.companion->name, "Biscuit");
  EXPECT_EQ(named->child.pronouns, story::Pronouns::they);  // the default
  EXPECT_EQ(app::pronouns_of(nlohmann::json::object()), "they");
}

TEST(ChildSnapshot, RefusesFieldsOfTheWrongShapeNamingThem) {
  const auto field_of = [](nlohmann::json child) {
    auto r = app::story_request_for(child, "t", 1);
    EXPECT_FALSE(r.has_value()) << child.dump();
    return r ? std::string() : r.error().details.value("field", "");
  };
  EXPECT_EQ(field_of({{"name", 7}, {"age", 5}}), "child.name");
  EXPECT_EQ(field_of({{"name", "Ada"}, {"age", "five"}}), "child.age");
  EXPECT_EQ(field_of({{"name", "Ada"}, {"age", 5}, {"pronouns", "xe"}}), "child.pronouns");
  EXPECT_EQ(field_of({{"name", "Ada"}, {"age", 5}, {"companion", {{"kind", "dog"}}}}), "child.companion");
  EXPECT_EQ(field_of({{"name", "Ada"}, {"age", 5}, {"hometown", 12}}), "child.hometown");
  EXPECT_EQ(field_of("Ada"), "child.name");
}

TEST(BriefJson, RoundTripsEveryFieldAndRefusesAMalformedBrief) {
  const core::IllustrationBrief b{.theme = "enchanted-forest", .setting = "forest-path", .pose = "walking",
                                  .mood = "joyful", .time_of_day = "night", .framing = "wide",
                                  .props = {"lantern", "map"}, .companion = true, .companion_kind = "fox",
                                  .description = "Emma walks.", .text_band = "top", .text_band_height = 0.3,
                                  .version = 2};
  auto back = app::brief_from_json(app::brief_to_json(b));
  ASSERT_TRUE(back);
  EXPECT_EQ(app::brief_to_json(*back), app::brief_to_json(b));
  EXPECT_EQ(back->text_band, "top");
  EXPECT_DOUBLE_EQ(back->text_band_height, 0.3);
  EXPECT_EQ(app::brief_from_json({{"theme", "x"}}).error().code, "brief_invalid");
  EXPECT_EQ(app::brief_from_json({{"theme", "x"}, {"setting", "y"}, {"props", "lantern"}}).error().code, "brief_invalid");
  EXPECT_EQ(app::brief_from_json(nlohmann::json::array()).error().code, "brief_invalid");
}

TEST(NewBookCheck, RefusesWhatNoStoryCanBeWrittenFor) {
  const auto& catalog = *test_support::shipped_catalog();
  const auto& writer = test_support::shipped_writer();
  const auto check = [&](nlohmann::json child, std::string theme, std::string style) {
    auto r = app::check_new_book(catalog, writer, {.owner_id = "us_a", .child = child, .theme = theme, .style = style});
    return r ? std::string("ok") : r.error().code;
  };
  const nlohmann::json emma{{"name", "Emma"}, {"age", 6}};
  EXPECT_EQ(check(emma, "enchanted-forest", "storybook"), "ok");
  EXPECT_EQ(check(emma, "enchanted-forest", "cartoon"), "ok");
  EXPECT_EQ(check(emma, "moon-base", "storybook"), "theme_unknown");
  EXPECT_EQ(check(emma, "enchanted-forest", "oil-paint"), "style_unknown");
  EXPECT_EQ(check({{"name", "Emma"}, {"age", 11}}, "enchanted-forest", "storybook"), "age_out_of_range");
  EXPECT_EQ(check({{"name", "Em{ma}"}, {"age", 6}}, "enchanted-forest", "storybook"), "child_name_invalid");
  EXPECT_EQ(check({{"name", "Emma"}, {"age", 6}, {"companion", {{"name", "Rex"}, {"kind", "toaster"}}}},
                  "enchanted-forest", "storybook"),
            "companion_invalid");
}
