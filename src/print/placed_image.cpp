#include "print/placed_image.hpp"

#include <algorithm>
#include <cstring>

#include "print/jpeg_codec.hpp"

namespace storyloom::print {

namespace {

struct PngReader {
  std::string_view bytes;
  std::size_t offset = 0;
};

cairo_status_t read_png_chunk(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<PngReader*>(closure);
  if (r->offset + length > r->bytes.size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes.data() + r->offset, length);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

core::Result<core::Image> decode_png(std::string_view bytes) {
  PngReader reader{bytes};
  SurfacePtr surface(cairo_image_surface_create_from_png_stream(read_png_chunk, &reader));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return core::fail(core::ErrorKind::unprocessable, "image_unreadable", "PNG could not be decoded");
  cairo_surface_flush(surface.get());
  const int w = cairo_image_surface_get_width(surface.get()), h = cairo_image_surface_get_height(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const bool has_alpha = cairo_image_surface_get_format(surface.get()) == CAIRO_FORMAT_ARGB32;
  core::Image image(w, h);
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const std::uint32_t p = row[x];  // premultiplied ARGB in native endianness
      const unsigned a = has_alpha ? (p >> 24) : 255;
      auto un = [&](unsigned c) { return static_cast<std::uint8_t>(a ? std::min(255u, c * 255 / a) : 0); };
      std::uint8_t* dst = image.at(x, y);
      dst[0] = un((p >> 16) & 0xff);
      dst[1] = un((p >> 8) & 0xff);
      dst[2] = un(p & 0xff);
      dst[3] = static_cast<std::uint8_t>(a);
    }
  }
  return image;
}

void free_string(void* p) { delete static_cast<std::string*>(p); }

}  // namespace

core::Result<std::string> to_jpeg(const PageImage& image, int jpeg_quality) {
  if (const auto* img = std::get_if<core::Image>(&image)) return encode_jpeg(*img, jpeg_quality);
  const auto& bytes = std::get<EncodedImage>(image).bytes;
  if (is_jpeg(bytes)) return bytes;
  if (is_png(bytes)) {
    auto decoded = decode_png(bytes);
    if (!decoded) return core::fail(decoded.error());
    return encode_jpeg(*decoded, jpeg_quality);
  }
  return core::fail(core::ErrorKind::unsupported, "image_unsupported_type", "page art must be JPEG or PNG");
}

core::Result<PlacedImageInfo> place_image(PdfWriter& pdf, const PageImage& image, const Rect& area, int jpeg_quality) {
  cairo_t* cr = pdf.context();
  auto jpeg = to_jpeg(image, jpeg_quality);
  if (!jpeg) return core::fail(jpeg.error());
  auto info = read_jpeg_info(*jpeg);
  if (!info) return core::fail(info.error());
  if (info->components != 3 && info->components != 1)
    return core::fail(core::ErrorKind::unprocessable, "image_unreadable", "page art must be RGB or greyscale JPEG");
  // Cairo's PDF backend writes the attached JPEG as the image XObject, taking /Width and
  // /Height from the JPEG itself, and a PDF image always fills the unit square of its CTM. So
  // the surface is only a 1x1 placeholder scaled to the placed size: no full-size pixel buffer
  // is allocated, zeroed or (when Cairo snapshots its sources) copied. Only opaque operators
  // are used on these pages, so Cairo never needs to rasterize the placeholder itself;
  // tests/unit/print renders pages with poppler and checks the art is really there.
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1));
  auto* owned = new std::string(std::move(*jpeg));
  cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(owned->data()),
                              owned->size(), free_string, owned);
  const double scale = std::max(area.w / info->width, area.h / info->height);
  cairo_save(cr);
  cairo_rectangle(cr, area.x, area.y, area.w, area.h);
  cairo_clip(cr);
  cairo_translate(cr, area.x + (area.w - info->width * scale) / 2, area.y + (area.h - info->height * scale) / 2);
  cairo_scale(cr, info->width * scale, info->height * scale);
  cairo_set_source_surface(cr, surface.get(), 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  pdf.keep_until_finished(std::move(surface));
  return PlacedImageInfo{info->width, info->height};
}

}  // namespace storyloom::print
