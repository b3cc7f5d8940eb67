// libwebp: header probe with WebPGetFeatures, pixels with WebPDecodeRGBAInto.
#include <webp/decode.h>

#include "faces/codecs.hpp"
#include "faces/photo_errors.hpp"

namespace storyloom::faces {
namespace {

const std::uint8_t* as_bytes(std::string_view bytes) { return reinterpret_cast<const std::uint8_t*>(bytes.data()); }

}  // namespace

core::Result<ImageHeader> probe_webp(std::string_view bytes) {
  WebPBitstreamFeatures features{};
  if (WebPGetFeatures(as_bytes(bytes), bytes.size(), &features) != VP8_STATUS_OK) {
    return core::fail(photo_unreadable("invalid WebP header"));
  }
  if (features.has_animation) return core::fail(photo_unreadable("animated WebP is not a photo"));
  return ImageHeader{features.width, features.height};
}

core::Result<core::Image> decode_webp(std::string_view bytes) {
  auto header = probe_webp(bytes);
  if (!header) return core::fail(header.error());
  core::Image image(header->width, header->height);
  const int stride = header->width * 4;
  if (!WebPDecodeRGBAInto(as_bytes(bytes), bytes.size(), image.pixels.data(), image.pixels.size(), stride)) {
    return core::fail(photo_unreadable("WebP data is damaged or incomplete"));
  }
  return image;
}

}  // namespace storyloom::faces
