// Text rules for children's profiles, in any script. Implemented over libunistring (UTF-8
// validation, NFC normalization, Unicode general categories) rather than ICU: the same tables,
// a tenth of the size, a plain C API.
//
// A child's name: 1..40 code points after NFC and trimming; letters of any script (general
// category L*), combining marks (M*) after a letter (Devanagari, Thai, Vietnamese ...), single
// spaces, hyphens and apostrophes (' U+0027, ’ U+2019, ʼ U+02BC) between letters, and ZWJ/ZWNJ
// between letters (needed by Persian and Indic spellings). Digits, emoji, punctuation: refused.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace storyloom::accounts {

// invalid_argument (child_name_invalid) with details.reason; answers the NFC, trimmed name with
// runs of spaces collapsed to one.
core::Result<std::string> normalize_child_name(std::string_view raw);

// A short free-text field (companion, favourite colour): valid UTF-8, no control characters,
// 0..max code points after trimming. invalid_argument (<field>_invalid) otherwise.
core::Result<std::string> normalize_short_text(std::string_view raw, std::size_t max_code_points,
                                               std::string_view field);

}  // namespace storyloom::accounts
