#include "fixture.hpp"

#include "accounts/child_name.hpp"
#include "accounts/children.hpp"

using namespace storyloom;
using namespace storyloom::accounts;
using accounts::testing::World;

TEST(ChildName, AcceptsLettersOfAnyScriptWithSpacesHyphensApostrophes) {
  const std::vector<std::pair<std::string, std::string>> good{
      {"Emma", "Emma"},           {"  Anne   Marie ", "Anne Marie"}, {"Jean-Luc", "Jean-Luc"},
      {"O'Brien", "O'Brien"},     {"D’Angelo", "D’Angelo"},         {"Zoë", "Zoë"},
      {"Zoe\xCC\x88", "Zoë"},  // decomposed ë is stored composed (NFC)
      {"Søren", "Søren"},         {"Łucja", "Łucja"},               {"Мария", "Мария"},
      {"محمد", "محمد"},           {"यश", "यश"},                     {"अनुष्का", "अनुष्का"},
      {"さくら", "さくら"},       {"李小龙", "李小龙"},             {"Nguyễn", "Nguyễn"},
      {"สมชาย", "สมชาย"},         {"X", "X"},                       {std::string(40, 'a'), std::string(40, 'a')}};
  for (const auto& [in, out] : good) {
    auto r = normalize_child_name(in);
    ASSERT_TRUE(r.has_value()) << in << " " << r.error().details.dump();
    EXPECT_EQ(*r, out);
  }
  const std::vector<std::string> bad{"",       "   ",   std::string(41, 'a'), "Emma2", "Emma!", "Em😀ma",
                                     "-Emma",  "Emma-", "Anne--Marie",        "'Jo",   "<b>",   "Emma\n",
                                     "a\xff",  "R2D2",  "Emma_Rose",          "\xCC\x88" "a"};
  for (const auto& in : bad) EXPECT_EQ(normalize_child_name(in).error().code, "child_name_invalid") << in;
}

TEST(Children, CreateReadUpdateDeleteWithValidation) {
  World w;
  auto s = w.sign_up("a@example.com");
  Children children(w.db, 10, w.clock);
  auto c = children.create(s.user.id, parse_child_input({{"name", "Emma"}, {"age", 6}, {"pronouns", "she"},
                                                          {"companion", "a small dragon"},
                                                          {"favourite_colour", "#3a7bd5"}}).value());
  ASSERT_TRUE(c.has_value()) << c.error().code;
  EXPECT_EQ(children.get(s.user.id, c->id).value().companion, "a small dragon");
  auto u = children.update(s.user.id, c->id, parse_child_input({{"birth_date", "2019-05-31"}}).value()).value();
  EXPECT_FALSE(u.age.has_value());
  EXPECT_EQ(to_json(u, w.clock.unix_seconds())["age"], 4);  // ManualClock starts in Nov 2023
  EXPECT_EQ(u.name, "Emma");
  ASSERT_TRUE(children.remove(s.user.id, c->id));
  EXPECT_EQ(children.get(s.user.id, c->id).error().code, "child_not_found");

  auto create = [&](nlohmann::json body) { return children.create(s.user.id, parse_child_input(body).value()); };
  EXPECT_EQ(create({{"name", "Emma"}, {"age", 13}}).error().code, "age_invalid");
  EXPECT_EQ(create({{"name", "Emma"}, {"age", 0}}).error().code, "age_invalid");
  EXPECT_EQ(create({{"name", "Emma"}}).error().code, "age_invalid");
  EXPECT_EQ(create({{"name", "Emma"}, {"birth_date", "2023-13-01"}}).error().code, "birth_date_invalid");
  EXPECT_EQ(create({{"name", "Emma"}, {"birth_date", "2000-01-01"}}).error().code, "birth_date_invalid");
  EXPECT_EQ(create({{"name", "Emma"}, {"age", 5}, {"pronouns", "it"}}).error().code, "pronouns_invalid");
  EXPECT_EQ(create({{"name", "Em@"}, {"age", 5}}).error().code, "child_name_invalid");
  EXPECT_EQ(create({{"name", "Emma"}, {"age", 5}, {"favourite_colour", "#12"}}).error().code,
            "favourite_colour_invalid");
  EXPECT_EQ(create({{"name", "Emma"}, {"age", 5}, {"photo_id", "../etc/passwd"}}).error().code, "photo_not_found");
  EXPECT_EQ(parse_child_input({{"name", "Emma"}, {"age", "5"}}).error().code, "age_invalid");
  EXPECT_EQ(parse_child_input({{"nme", "Emma"}}).error().code, "field_unknown");
}

TEST(Children, AnotherOwnersChildIsNotFoundAndTheLimitHolds) {
  World w;
  auto a = w.sign_up("a@example.com");
  auto b = w.sign_up("b@example.com");
  Children children(w.db, 2, w.clock);
  auto input = parse_child_input({{"name", "Noah"}, {"age", 4}}).value();
  auto c = children.create(a.user.id, input).value();
  EXPECT_EQ(children.get(b.user.id, c.id).error().code, "child_not_found");
  EXPECT_EQ(children.update(b.user.id, c.id, input).error().code, "child_not_found");
  EXPECT_EQ(children.remove(b.user.id, c.id).error().code, "child_not_found");
  EXPECT_TRUE(children.list(b.user.id).value().empty());
  ASSERT_TRUE(children.create(a.user.id, input));
  EXPECT_EQ(children.create(a.user.id, input).error().code, "children_limit_reached");
  EXPECT_EQ(children.list(a.user.id).value().size(), 2u);
}
