// core::IllustrationBrief as the JSON the pipeline stores per page (book_pages.brief) and hands
// to the illustrator port. Field names follow docs/illustration-brief.md.
#pragma once

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/illustration_brief.hpp"

namespace storyloom::app {

nlohmann::json brief_to_json(const core::IllustrationBrief& brief);

// invalid_argument brief_invalid when a field has the wrong type or theme/setting is missing.
core::Result<core::IllustrationBrief> brief_from_json(const nlohmann::json& json);

}  // namespace storyloom::app
