#include "blob/store.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace storyloom::blob {
namespace {

constexpr std::size_t kMaxKeyLength = 512;

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-' || c == '/';
}

core::Error invalid_key(std::string_view key, std::string_view why) {
  return core::Error{core::ErrorKind::invalid_argument, "blob_key_invalid",
                     fmt::format("The storage key '{}' is not allowed: {}.", key.substr(0, 80), why)};
}

}  // namespace

core::Result<void> validate_key(std::string_view key) {
  if (key.empty()) return std::unexpected(invalid_key(key, "it is empty"));
  if (key.size() > kMaxKeyLength) return std::unexpected(invalid_key(key, "it is too long"));
  if (key.front() == '/' || key.back() == '/') return std::unexpected(invalid_key(key, "it starts or ends with '/'"));
  for (char c : key)
    if (!is_key_char(c)) return std::unexpected(invalid_key(key, "it has a character outside [A-Za-z0-9._-/]"));
  std::size_t start = 0;
  while (start <= key.size()) {
    const std::size_t end = std::min(key.find('/', start), key.size());
    const std::string_view segment = key.substr(start, end - start);
    if (segment.empty()) return std::unexpected(invalid_key(key, "it has an empty path segment"));
    if (segment == "." || segment == "..") return std::unexpected(invalid_key(key, "it has a '.' or '..' segment"));
    if (segment.front() == '.') return std::unexpected(invalid_key(key, "a segment starts with '.'"));
    start = end + 1;
  }
  return {};
}

std::string content_type_for(std::string_view key) {
  static constexpr std::array kTypes{
      std::pair{".jpg", "image/jpeg"},  std::pair{".jpeg", "image/jpeg"}, std::pair{".png", "image/png"},
      std::pair{".webp", "image/webp"}, std::pair{".svg", "image/svg+xml"}, std::pair{".pdf", "application/pdf"},
      std::pair{".mp3", "audio/mpeg"},  std::pair{".json", "application/json"}, std::pair{".txt", "text/plain; charset=utf-8"},
      std::pair{".html", "text/html; charset=utf-8"}, std::pair{".eml", "message/rfc822"}, std::pair{".zip", "application/zip"},
  };
  const std::size_t dot = key.rfind('.');
  if (dot != std::string_view::npos && key.find('/', dot) == std::string_view::npos) {
    const std::string_view ext = key.substr(dot);
    for (auto [e, type] : kTypes)
      if (ext == e) return type;
  }
  return "application/octet-stream";
}

}  // namespace storyloom::blob
