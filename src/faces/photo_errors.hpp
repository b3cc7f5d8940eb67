// The intake errors a photo can get before any face is looked for (issue 4), with the words a
// parent reads. Codes and kinds are the API contract: 413, 415, 422, 422.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/error.hpp"

namespace storyloom::faces {

core::Error photo_too_large(std::size_t bytes, std::size_t limit);            // 413 photo_too_large
core::Error photo_unsupported_type();                                        // 415 photo_unsupported_type
core::Error photo_dimensions_too_large(int width, int height, double max_mp, int max_side);  // 422
core::Error photo_unreadable(std::string_view why);                          // 422 photo_unreadable

}  // namespace storyloom::faces
