#include "print/placed_image.hpp"

#include <algorithm>

#include "core/jpeg.hpp"
#include "print/jpeg_codec.hpp"

namespace storyloom::print {

namespace {

void free_string(void* p) { delete static_cast<std::string*>(p); }

}  // namespace

core::Result<std::string> to_jpeg(const PageImage& image, int jpeg_quality) {
  if (const auto* img = std::get_if<core::Image>(&image)) return core::encode_jpeg(*img, {.quality = jpeg_quality});
  const auto& bytes = std::get<EncodedImage>(image).bytes;
  if (is_jpeg(bytes)) return bytes;
  if (is_png(bytes)) return png_to_jpeg(bytes, jpeg_quality);
  return core::fail(core::ErrorKind::unsupported, "image_unsupported_type", "page art must be JPEG or PNG");
}

core::Result<PlacedImageInfo> place_image(PdfWriter& pdf, const PageImage& image, const Rect& area, int jpeg_quality) {
  cairo_t* cr = pdf.context();
  auto jpeg = to_jpeg(image, jpeg_quality);
  if (!jpeg) return core::fail(jpeg.error());
  auto info = core::read_jpeg_header(*jpeg);
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
