// The book row's child snapshot ({name, age, pronouns, favourite_colour?, companion?,
// hometown?}, as POST /api/books received it) in the story engine's terms.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "story/story.hpp"

namespace storyloom::app {

// Reads the snapshot's shape only: the writer validates the values (names, colours, ages).
// companion is {"name", "kind"?} or just the name. invalid_argument book_child_invalid
// (details.field) for a field of the wrong type or unknown pronouns.
core::Result<story::StoryRequest> story_request_for(const nlohmann::json& child, const std::string& theme,
                                                    std::int64_t seed);

// "purple" (or "") and "she", "he" or "they" (also for she/her, ...; the default) for the drawn hero.
std::string favourite_colour_of(const nlohmann::json& child);
std::string pronouns_of(const nlohmann::json& child);

}  // namespace storyloom::app
