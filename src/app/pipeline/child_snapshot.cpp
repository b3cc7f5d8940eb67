#include "app/pipeline/child_snapshot.hpp"

namespace storyloom::app {
namespace {

core::Error child_field_error(const std::string& field, std::string message) {
  return {core::ErrorKind::invalid_argument, "book_child_invalid", std::move(message), {{"field", "child." + field}}};
}

// An optional text field: absent or null is fine, anything but a string is not.
core::Result<std::optional<std::string>> optional_text(const nlohmann::json& child, const std::string& field) {
  const auto it = child.find(field);
  if (it == child.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string()) return core::fail(child_field_error(field, field + " must be text."));
  return std::optional<std::string>{it->get<std::string>()};
}

core::Result<std::optional<story::Companion>> companion_of(const nlohmann::json& child) {
  const auto it = child.find("companion");
  if (it == child.end() || it->is_null()) return std::optional<story::Companion>{};
  if (it->is_string()) return std::optional<story::Companion>{story::Companion{it->get<std::string>(), ""}};
  if (!it->is_object() || !it->value("name", nlohmann::json()).is_string() ||
      !it->value("kind", nlohmann::json("")).is_string())
    return core::fail(child_field_error("companion", "companion must be a name or {name, kind}."));
  return std::optional<story::Companion>{story::Companion{(*it)["name"].get<std::string>(), it->value("kind", "")}};
}

std::string raw_pronouns(const nlohmann::json& child) {
  const auto it = child.find("pronouns");
  return it != child.end() && it->is_string() ? it->get<std::string>() : "they";
}

}  // namespace

core::Result<story::StoryRequest> story_request_for(const nlohmann::json& child, const std::string& theme,
                                                    std::int64_t seed) {
  if (!child.is_object()) return core::fail(child_field_error("name", "Tell us about the child."));
  if (!child.value("name", nlohmann::json()).is_string()) return core::fail(child_field_error("name", "name must be text."));
  if (!child.value("age", nlohmann::json()).is_number_integer())
    return core::fail(child_field_error("age", "age must be a whole number."));
  const auto pronouns = story::parse_pronouns(raw_pronouns(child));
  if (!pronouns) return core::fail(child_field_error("pronouns", "pronouns must be she, he or they."));
  story::Child c{child["name"].get<std::string>(), child["age"].get<int>(), *pronouns};
  auto companion = companion_of(child);
  if (!companion) return std::unexpected(companion.error());
  c.companion = std::move(*companion);
  for (auto [field, target] : {std::pair{"favourite_colour", &c.favourite_colour}, {"hometown", &c.hometown}}) {
    auto value = optional_text(child, field);
    if (!value) return std::unexpected(value.error());
    *target = std::move(*value);
  }
  return story::StoryRequest{std::move(c), theme, static_cast<std::uint64_t>(seed)};
}

std::string favourite_colour_of(const nlohmann::json& child) {
  const auto it = child.find("favourite_colour");
  return it != child.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string pronouns_of(const nlohmann::json& child) {
  const auto pronouns = story::parse_pronouns(raw_pronouns(child));
  return story::to_string(pronouns.value_or(story::Pronouns::they));
}

}  // namespace storyloom::app
