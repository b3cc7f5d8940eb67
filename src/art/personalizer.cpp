#include "art/personalizer.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "art/cairo_image.hpp"

namespace storyloom::art {
namespace {

bool inside(const core::Image& img, core::PointF p) { return p.x >= 0 && p.y >= 0 && p.x < img.width && p.y < img.height; }

// The light on the hero's head: the drawn skin as rendered (night, sunset, mood washes all
// included) divided by the skin colour it was drawn with, sampled on both sides of the face.
std::array<double, 3> light_ratio(const Illustration& base) {
  const HeroPlacement& h = base.hero;
  const double a = h.tilt_degrees * M_PI / 180.0, r = h.head_radius;
  double sum[3] = {0, 0, 0};
  int n = 0;
  for (int side : {-1, 1}) {
    for (double dy : {-0.05, 0.1}) {
      const double lx = side * 0.72 * r, ly = dy * r;
      const core::PointF p{h.head_centre.x + lx * std::cos(a) - ly * std::sin(a),
                           h.head_centre.y + lx * std::sin(a) + ly * std::cos(a)};
      if (!inside(base.image, p)) continue;
      const std::uint8_t* px = base.image.at(static_cast<int>(p.x), static_cast<int>(p.y));
      for (int c = 0; c < 3; ++c) sum[c] += px[c];
      ++n;
    }
  }
  const std::uint8_t skin[3] = {base.hero_skin.r, base.hero_skin.g, base.hero_skin.b};
  std::array<double, 3> ratio{1, 1, 1};
  for (int c = 0; c < 3 && n > 0; ++c) ratio[c] = std::clamp(sum[c] / n / std::max<int>(skin[c], 1), 0.3, 1.4);
  return ratio;
}

// The face recoloured by the scene's light (per channel gain), as a premultiplied surface.
core::Result<SurfacePtr> lit_face(const core::FaceCutout& face, const std::array<double, 3>& ratio) {
  core::Image lit = face.rgba;
  for (std::size_t i = 0; i < lit.pixels.size(); i += 4) {
    for (int c = 0; c < 3; ++c) lit.pixels[i + c] = static_cast<std::uint8_t>(std::clamp(lit.pixels[i + c] * ratio[c], 0.0, 255.0));
  }
  return surface_from_image(lit);
}

// Draws the face into `region` (a copy of the page around the head, offset by origin).
void composite(cairo_surface_t* region, core::PointF origin, cairo_surface_t* face_surface, const core::FaceCutout& face,
               const HeroPlacement& hero) {
  const core::PointF eyes{(face.left_eye.x + face.right_eye.x) / 2, (face.left_eye.y + face.right_eye.y) / 2};
  const double eye_angle = std::atan2(face.right_eye.y - face.left_eye.y, face.right_eye.x - face.left_eye.x);
  const double tilt = hero.tilt_degrees * M_PI / 180.0;
  const double scale = hero.head_radius * 1.6 / face.face_width;  // the jaw spans most of the drawn head
  ContextPtr cr(cairo_create(region));
  cairo_translate(cr.get(), hero.head_centre.x - origin.x, hero.head_centre.y - origin.y);
  cairo_rotate(cr.get(), tilt);
  cairo_translate(cr.get(), 0, -0.02 * hero.head_radius);  // the eyes sit at the middle of the head
  cairo_rotate(cr.get(), -eye_angle);
  cairo_scale(cr.get(), scale, scale);
  cairo_translate(cr.get(), -eyes.x, -eyes.y);
  cairo_set_source_surface(cr.get(), face_surface, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
  cairo_paint(cr.get());
}

core::Image crop(const core::Image& img, int x0, int y0, int w, int h) {
  core::Image out(w, h);
  for (int y = 0; y < h; ++y) std::copy_n(img.at(x0, y0 + y), static_cast<std::size_t>(w) * 4, out.at(0, y));
  return out;
}

void paste(core::Image& img, const core::Image& part, int x0, int y0) {
  for (int y = 0; y < part.height; ++y) std::copy_n(part.at(0, y), static_cast<std::size_t>(part.width) * 4, img.at(x0, y0 + y));
}

Personalization fall_back(std::string reason) { return {true, std::move(reason)}; }

}  // namespace

std::string face_cutout_problem(const core::FaceCutout& face) {
  if (face.rgba.empty() || face.rgba.pixels.size() != static_cast<std::size_t>(face.rgba.width) * face.rgba.height * 4) {
    return "the face cut-out is empty";
  }
  if (!(face.face_width > 1)) return "the face cut-out has no face width";
  for (core::PointF p : {face.left_eye, face.right_eye, face.chin}) {
    if (!inside(face.rgba, p)) return "the face cut-out's landmarks are outside the picture";
  }
  if (std::hypot(face.right_eye.x - face.left_eye.x, face.right_eye.y - face.left_eye.y) < 2) {
    return "the face cut-out's eyes are at the same place";
  }
  return {};
}

Personalization Personalizer::personalize_in_place(Illustration& page, std::string_view style,
                                                   const core::FaceCutout* face) const {
  if (style == "cartoon") return {};
  if (style != "storybook") return fall_back(fmt::format("unknown art style '{}'", style));
  if (!face) return fall_back("there is no face cut-out for this child");
  if (auto problem = face_cutout_problem(*face); !problem.empty()) return fall_back(problem);
  const HeroPlacement& hero = page.hero;
  if (page.image.empty() || !(hero.head_radius > 1) || !inside(page.image, hero.head_centre)) {
    return fall_back("the illustration has no hero head to place the face on");
  }
  const double reach = hero.head_radius * 2.2;  // the face never reaches further than this
  const int x0 = std::max(0, static_cast<int>(hero.head_centre.x - reach));
  const int y0 = std::max(0, static_cast<int>(hero.head_centre.y - reach));
  const int x1 = std::min(page.image.width, static_cast<int>(hero.head_centre.x + reach) + 1);
  const int y1 = std::min(page.image.height, static_cast<int>(hero.head_centre.y + reach) + 1);
  auto region = surface_from_image(crop(page.image, x0, y0, x1 - x0, y1 - y0));
  auto face_surface = lit_face(*face, light_ratio(page));
  if (!region || !face_surface) return fall_back("could not allocate memory for the face");
  composite(region->get(), {double(x0), double(y0)}, face_surface->get(), *face, hero);
  paste(page.image, image_from_surface(region->get()), x0, y0);
  return {};
}

PersonalizedPage Personalizer::personalize(const Illustration& base, std::string_view style,
                                           const core::FaceCutout* face) const {
  Illustration page = base;
  Personalization outcome = personalize_in_place(page, style, face);
  return {std::move(page.image), outcome.fell_back, std::move(outcome.fallback_reason)};
}

}  // namespace storyloom::art
