#include "accounts/child.hpp"

#include <chrono>
#include <cstdio>

namespace storyloom::accounts {
namespace {

core::Error field_error(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorKind::invalid_argument, field + "_invalid", message, {{"field", field}}};
}

core::Result<std::optional<std::string>> optional_string(const nlohmann::json& body, const std::string& field) {
  if (!body.contains(field)) return std::optional<std::string>{};
  if (!body[field].is_string()) return std::unexpected(field_error(field, "Expected text for " + field + "."));
  return std::optional<std::string>{body[field].get<std::string>()};
}

}  // namespace

core::Result<ChildInput> parse_child_input(const nlohmann::json& body) {
  if (!body.is_object())
    return core::fail(core::ErrorKind::invalid_argument, "body_invalid", "Expected a JSON object.");
  static const std::vector<std::string> known{"name", "age", "birth_date", "pronouns", "companion",
                                              "favourite_colour", "photo_id"};
  for (const auto& [key, value] : body.items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      return core::fail(core::ErrorKind::invalid_argument, "field_unknown", "Unknown field: " + key + ".",
                        {{"field", key}});
  ChildInput in;
  for (auto [field, target] : {std::pair{"name", &in.name}, std::pair{"birth_date", &in.birth_date},
                               std::pair{"pronouns", &in.pronouns}, std::pair{"companion", &in.companion},
                               std::pair{"favourite_colour", &in.favourite_colour}}) {
    auto v = optional_string(body, field);
    if (!v) return std::unexpected(v.error());
    *target = *v;
  }
  if (body.contains("age")) {
    if (!body["age"].is_number_integer()) return std::unexpected(field_error("age", "Age must be a whole number."));
    in.age = body["age"].get<int>();
  }
  if (body.contains("photo_id")) {
    if (body["photo_id"].is_null()) in.photo_id = std::optional<std::string>{};
    else if (body["photo_id"].is_string()) in.photo_id = std::optional<std::string>{body["photo_id"].get<std::string>()};
    else return std::unexpected(field_error("photo_id", "photo_id must be text or null."));
  }
  return in;
}

std::optional<int> age_on(std::string_view birth_date, std::int64_t unix_seconds) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  const std::string s(birth_date);
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  using namespace std::chrono;
  const year_month_day born{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!born.ok()) return std::nullopt;
  const year_month_day today{floor<days>(sys_seconds{seconds{unix_seconds}})};
  int age = static_cast<int>(today.year()) - y;
  if (today.month() < born.month() || (today.month() == born.month() && today.day() < born.day())) --age;
  return age;
}

nlohmann::json to_json(const Child& c, std::int64_t now) {
  std::optional<int> age = c.age;
  if (!age && c.birth_date) age = age_on(*c.birth_date, now);
  return {{"id", c.id},
          {"name", c.name},
          {"age", age ? nlohmann::json(*age) : nlohmann::json(nullptr)},
          {"birth_date", c.birth_date ? nlohmann::json(*c.birth_date) : nlohmann::json(nullptr)},
          {"pronouns", c.pronouns},
          {"companion", c.companion},
          {"favourite_colour", c.favourite_colour},
          {"photo_id", c.photo_id ? nlohmann::json(*c.photo_id) : nlohmann::json(nullptr)},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

}  // namespace storyloom::accounts
