// gzip compression (zlib) and the decision whether a response is worth compressing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storyloom::http {

// True when an Accept-Encoding value allows gzip (explicitly or through "*", with q > 0).
bool accepts_gzip(std::string_view accept_encoding);
// Text-like types compress well; images, archives and PDFs already are compressed.
bool is_compressible_type(std::string_view content_type);
// Answers the gzip member for the bytes, or nullopt if zlib fails.
std::optional<std::string> gzip_compress(std::string_view bytes);
// Inflates a gzip member (used by tests); nullopt on corrupt input or beyond `max_bytes`.
std::optional<std::string> gzip_decompress(std::string_view bytes, std::size_t max_bytes = 64u << 20);

}  // namespace storyloom::http
