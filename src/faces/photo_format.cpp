#include "faces/photo_format.hpp"

#include <array>

namespace storyloom::faces {
namespace {

bool starts_with_bytes(std::string_view bytes, std::string_view magic, std::size_t at = 0) {
  return bytes.size() >= at + magic.size() && bytes.substr(at, magic.size()) == magic;
}

// ISO-BMFF: [size]["ftyp"][major brand]...; HEIF stills use these brands (ISO/IEC 23008-12).
bool is_heif(std::string_view bytes) {
  if (!starts_with_bytes(bytes, "ftyp", 4) || bytes.size() < 12) return false;
  static constexpr std::array<std::string_view, 8> kBrands = {"heic", "heix", "heim", "heis",
                                                              "hevc", "hevx", "mif1", "msf1"};
  const std::string_view major = bytes.substr(8, 4);
  for (auto brand : kBrands) {
    if (major == brand) return true;
  }
  return false;
}

}  // namespace

PhotoFormat sniff_photo_format(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (starts_with_bytes(bytes, "\xFF\xD8\xFF"sv)) return PhotoFormat::jpeg;
  if (starts_with_bytes(bytes, "\x89PNG\r\n\x1A\n"sv)) return PhotoFormat::png;
  if (starts_with_bytes(bytes, "RIFF"sv) && starts_with_bytes(bytes, "WEBP"sv, 8)) return PhotoFormat::webp;
  if (is_heif(bytes)) return PhotoFormat::heif;
  return PhotoFormat::unknown;
}

const char* to_string(PhotoFormat format) {
  switch (format) {
    case PhotoFormat::jpeg: return "jpeg";
    case PhotoFormat::png: return "png";
    case PhotoFormat::webp: return "webp";
    case PhotoFormat::heif: return "heif";
    case PhotoFormat::unknown: break;
  }
  return "unknown";
}

}  // namespace storyloom::faces
