#include "faces/exif_orientation.hpp"

#include <libexif/exif-data.h>

#include <memory>
#include <string>

namespace storyloom::faces {
namespace {

struct ExifDataDeleter {
  void operator()(ExifData* d) const { exif_data_unref(d); }
};

std::uint32_t be32(std::string_view b, std::size_t at) {
  return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}
std::uint32_t le32(std::string_view b, std::size_t at) {
  return std::uint32_t(std::uint8_t(b[at])) | (std::uint32_t(std::uint8_t(b[at + 1])) << 8) |
         (std::uint32_t(std::uint8_t(b[at + 2])) << 16) | (std::uint32_t(std::uint8_t(b[at + 3])) << 24);
}

// The payload of the first PNG chunk named `type` (big-endian length, type, data, CRC).
std::string_view png_chunk(std::string_view bytes, std::string_view type) {
  for (std::size_t at = 8; at + 12 <= bytes.size();) {
    const std::size_t length = be32(bytes, at);
    if (length > bytes.size() - at - 12) break;
    if (bytes.substr(at + 4, 4) == type) return bytes.substr(at + 8, length);
    if (bytes.substr(at + 4, 4) == "IDAT") break;  // eXIf must come before the image data
    at += 12 + length;
  }
  return {};
}

// The payload of the first RIFF chunk named `type` in a WebP file (little-endian sizes, padded).
std::string_view riff_chunk(std::string_view bytes, std::string_view type) {
  for (std::size_t at = 12; at + 8 <= bytes.size();) {
    const std::size_t length = le32(bytes, at + 4);
    if (length > bytes.size() - at - 8) break;
    if (bytes.substr(at, 4) == type) return bytes.substr(at + 8, length);
    at += 8 + length + (length & 1);
  }
  return {};
}

int orientation_from(const unsigned char* data, std::size_t size) {
  std::unique_ptr<ExifData, ExifDataDeleter> exif(exif_data_new());
  if (!exif) return 1;
  exif_data_unset_option(exif.get(), EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);  // read only, never fix up
  exif_data_load_data(exif.get(), data, static_cast<unsigned>(size));
  ExifEntry* entry = exif_content_get_entry(exif->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
  if (!entry || entry->format != EXIF_FORMAT_SHORT || entry->components < 1) return 1;
  const int value = exif_get_short(entry->data, exif_data_get_byte_order(exif.get()));
  return value >= 1 && value <= 8 ? value : 1;
}

// libexif wants either a JPEG or a block that starts with "Exif\0\0"; PNG and WebP carry the
// bare TIFF structure.
int orientation_from_tiff(std::string_view tiff) {
  if (tiff.empty()) return 1;
  std::string block = tiff.starts_with(std::string_view("Exif\0\0", 6)) ? std::string(tiff)
                                                                      : std::string("Exif\0\0", 6) + std::string(tiff);
  return orientation_from(reinterpret_cast<const unsigned char*>(block.data()), block.size());
}

}  // namespace

int read_exif_orientation(std::string_view bytes, PhotoFormat format) {
  switch (format) {
    case PhotoFormat::jpeg:
      return orientation_from(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    case PhotoFormat::png: return orientation_from_tiff(png_chunk(bytes, "eXIf"));
    case PhotoFormat::webp: return orientation_from_tiff(riff_chunk(bytes, "EXIF"));
    default: return 1;
  }
}

}  // namespace storyloom::faces
