// multipart/form-data (RFC 7578) for uploads such as the child's photo. The whole body is
// already in memory and bounded by the server's body limit; the parser bounds the number of
// parts and the size of each part's headers, and never trusts a declared length.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace storyloom::http {

struct FormPart {
  std::string name;                     // from Content-Disposition: form-data; name="..."
  std::optional<std::string> filename;  // present for file fields (as sent; never a path to use)
  std::string content_type;             // as declared, "text/plain" when absent; not trusted
  std::string data;
};

struct MultipartLimits {
  std::size_t max_parts = 16;
  std::size_t max_part_header_bytes = 4096;
};

// The boundary parameter of a multipart/form-data Content-Type, or nullopt.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Errors: invalid_argument `invalid_multipart` (malformed, not multipart/form-data) and
// too_large `multipart_too_many_parts`.
core::Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body,
                                                    const MultipartLimits& limits = {});

// The first part with that field name, or nullptr.
const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name);

}  // namespace storyloom::http
