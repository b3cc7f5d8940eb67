// Email addresses as account keys: trimmed, lower-cased, checked for a plausible shape.
// We do not strip dots or "+tags": those are real, distinct mailboxes at most providers.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace storyloom::accounts {

// invalid_argument (email_invalid) unless it looks like local@domain.tld, at most 254 bytes,
// with no spaces or control characters. Answers the normalized form.
core::Result<std::string> normalize_email(std::string_view raw);

}  // namespace storyloom::accounts
