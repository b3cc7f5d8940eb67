#include "art/png_reader.hpp"

#include <png.h>

#include <cstring>

namespace storyloom::art {
namespace {

constexpr std::string_view kSignature{"\x89PNG\r\n\x1a\n", 8};

std::uint32_t be32(std::string_view b, std::size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

core::Error unreadable(std::string_view why) {
  return {core::ErrorKind::unprocessable, "art_png_unreadable", "The picture could not be read: " + std::string(why)};
}

}  // namespace

std::optional<std::pair<int, int>> png_size(std::string_view bytes) {
  // The signature, then IHDR first: length (4), "IHDR", width (4), height (4).
  if (bytes.size() < 24 || bytes.substr(0, 8) != kSignature || bytes.substr(12, 4) != "IHDR") return std::nullopt;
  const auto w = be32(bytes, 16), h = be32(bytes, 20);
  if (w == 0 || h == 0 || w > 0x7fffffffu || h > 0x7fffffffu) return std::nullopt;
  return std::pair{static_cast<int>(w), static_cast<int>(h)};
}

core::Result<core::Image> decode_png(std::string_view bytes, int max_side) {
  const auto size = png_size(bytes);
  if (!size) return core::fail(unreadable("not a PNG"));
  if (size->first > max_side || size->second > max_side) return core::fail(unreadable("too large"));
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
    return core::fail(unreadable(image.message));
  image.format = PNG_FORMAT_RGBA;
  core::Image out(static_cast<int>(image.width), static_cast<int>(image.height));
  if (!png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr)) {
    png_image_free(&image);
    return core::fail(unreadable(image.message));
  }
  return out;
}

std::optional<std::string> png_text(std::string_view bytes, std::string_view key) {
  if (!png_size(bytes)) return std::nullopt;
  // Chunks: length (4), type (4), data (length), CRC (4).
  for (std::size_t at = kSignature.size(); at + 12 <= bytes.size();) {
    const std::size_t length = be32(bytes, at);
    if (length > bytes.size() - at - 12) return std::nullopt;
    const auto type = bytes.substr(at + 4, 4);
    const auto data = bytes.substr(at + 8, length);
    if (type == "IEND") return std::nullopt;
    if (type == "tEXt" && data.size() > key.size() && data.substr(0, key.size()) == key && data[key.size()] == '\0')
      return std::string(data.substr(key.size() + 1));
    at += 12 + length;
  }
  return std::nullopt;
}

}  // namespace storyloom::art
