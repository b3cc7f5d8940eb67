#include "art/watermark.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "art/cairo_image.hpp"

namespace storyloom::art {
namespace {

// One line of text repeated along diagonal rows; light fill with a dark outline reads on both
// light skies and dark night scenes.
void stamp_rows(cairo_t* cr, const std::string& text, int width, int height) {
  const double side = std::max(width, height);
  const double font_px = std::max(14.0, side / 22.0);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr, font_px);
  cairo_text_extents_t ext;
  cairo_text_extents(cr, text.c_str(), &ext);
  const double step_x = ext.x_advance + font_px * 2.0;
  const double step_y = font_px * 4.0;
  cairo_translate(cr, width / 2.0, height / 2.0);
  cairo_rotate(cr, -M_PI / 6.0);
  const double reach = std::hypot(width, height) / 2.0 + step_x;
  int row = 0;
  for (double y = -reach; y <= reach; y += step_y, ++row) {
    const double shift = (row % 2) * step_x / 2.0;
    for (double x = -reach - shift; x <= reach; x += step_x) {
      cairo_move_to(cr, x, y);
      cairo_text_path(cr, text.c_str());
    }
  }
  cairo_set_source_rgba(cr, 1, 1, 1, 0.38);
  cairo_fill_preserve(cr);
  cairo_set_line_width(cr, std::max(1.0, font_px / 22.0));
  cairo_set_source_rgba(cr, 0.1, 0.1, 0.15, 0.30);
  cairo_stroke(cr);
}

}  // namespace

core::Result<void> watermark(core::Image& image, std::string_view shop_name) {
  if (image.empty()) {
    return core::fail(core::ErrorKind::invalid_argument, "art_bad_image", "There is no picture to watermark.");
  }
  if (image.width > kMaxWatermarkSide || image.height > kMaxWatermarkSide) {
    return core::fail(core::ErrorKind::invalid_argument, "art_watermark_full_resolution",
                      fmt::format("Only preview images (at most {} px a side) are watermarked; this one is {}x{}. "
                                  "Make the preview small first.", kMaxWatermarkSide, image.width, image.height));
  }
  auto surface = surface_from_image(image);
  if (!surface) return core::fail(surface.error());
  ContextPtr cr(cairo_create(surface->get()));
  std::string text = "PREVIEW";
  if (!shop_name.empty()) text += fmt::format(" \u00b7 {}", shop_name);
  stamp_rows(cr.get(), text, image.width, image.height);
  cr.reset();
  image = image_from_surface(surface->get());
  return {};
}

}  // namespace storyloom::art
