// Photos in JPEG: core's hardened decoder (truncation, scan bombs and CMYK refused), its errors
// told as a photo's.
#include "core/jpeg.hpp"
#include "faces/codecs.hpp"
#include "faces/photo_errors.hpp"

namespace storyloom::faces {
namespace {

core::Error as_photo_error(const core::Error& e) {
  return photo_unreadable(e.details.is_object() ? e.details.value("reason", e.message) : e.message);
}

}  // namespace

core::Result<ImageHeader> probe_jpeg(std::string_view bytes) {
  auto header = core::read_jpeg_header(bytes);
  if (!header) return core::fail(as_photo_error(header.error()));
  return ImageHeader{header->width, header->height};
}

core::Result<core::Image> decode_jpeg(std::string_view bytes, int min_long_side) {
  auto image = core::decode_jpeg(bytes, min_long_side);
  if (!image) return core::fail(as_photo_error(image.error()));
  return image;
}

}  // namespace storyloom::faces
