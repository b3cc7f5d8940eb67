// Answers a GET for a file on disk: content type, validators (ETag, Last-Modified),
// conditional requests (304) and single byte ranges (206, or 416 when unsatisfiable). The
// server streams the bytes; nothing is loaded into memory.
#pragma once

#include <filesystem>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"

namespace storyloom::http {

// REQUIRES: `path` is trusted (callers resolve and check it). Missing file -> 404 envelope.
Response file_response(const Request& req, const std::filesystem::path& path, std::string_view content_type);

struct ByteRange {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};
enum class RangeOutcome { whole, partial, unsatisfiable };
// Interprets a Range header against a file size. Several ranges or a malformed header answer
// `whole` (RFC 9110 lets a server ignore them).
RangeOutcome parse_range(std::string_view header, std::uint64_t size, ByteRange& out);

// Content types for the web app's files by extension; "application/octet-stream" otherwise.
std::string_view mime_type_for(const std::filesystem::path& path);

}  // namespace storyloom::http
