#include "faces/face_cutout_maker.hpp"
#include <algorithm>
#include <vector>

#include <cmath>
#include <numbers>

#include "faces/colour_sampling.hpp"
#include "faces/face_frame.hpp"
#include "faces/image_ops.hpp"

namespace storyloom::faces {
namespace {

bool inside(const std::vector<core::PointF>& polygon, double x, double y) {
  bool in = false;
  for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
    const auto& a = polygon[i];
    const auto& b = polygon[j];
    if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

// A hard mask of the outline, blurred so the edge fades over `feather_px` (half in, half out).
GrayPlane soft_mask(const std::vector<core::PointF>& outline, int width, int height, double feather_px) {
  GrayPlane mask(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) mask.at(x, y) = inside(outline, x + 0.5, y + 0.5) ? 255 : 0;
  blur(mask, std::max(1, static_cast<int>(std::lround(feather_px / 2))));
  return mask;
}

}  // namespace

core::Rgba sample_skin(const core::Image& photo, const FaceFinding& face) {
  const FaceFrame frame = FaceFrame::of(face);
  const double r = 0.07 * frame.face_width;
  const auto& p = frame.aligned;
  const core::PointF centres[] = {{(p[31].x + p[2].x) / 2, (p[31].y + p[2].y) / 2},
                                  {(p[35].x + p[14].x) / 2, (p[35].y + p[14].y) / 2},
                                  {(p[21].x + p[22].x) / 2, frame.brow_y - 0.25 * (frame.brow_y - frame.forehead_top_y)}};
  std::vector<core::Rgba> samples;
  for (const auto& c : centres) collect_disc(photo, frame, c, r, samples);
  return median_colour(samples).value_or(core::Rgba{});
}

core::FaceCutout cut_out_face(const core::Image& photo, const FaceFinding& face, const CutoutStyle& style) {
  const FaceFrame frame = FaceFrame::of(face);
  std::vector<core::PointF> outline = frame.outline();
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (const auto& p : outline) x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  const double pad = (style.margin + style.feather) * frame.face_width;
  x0 = std::floor(x0 - pad), y0 = std::floor(y0 - pad), x1 = std::ceil(x1 + pad), y1 = std::ceil(y1 + pad);
  const int width = static_cast<int>(x1 - x0), height = static_cast<int>(y1 - y0);

  // Output pixel (u, v) is frame point (u + x0, v + y0); take the photo pixel under it.
  const double c = std::cos(frame.roll_radians), s = std::sin(frame.roll_radians);
  const core::PointF o = frame.to_photo({x0, y0});
  const AffineMap to_photo{c, -s, o.x, s, c, o.y};
  core::FaceCutout cut;
  cut.rgba = warp(photo, width, height, to_photo);

  for (auto& p : outline) p = {p.x - x0, p.y - y0};
  const GrayPlane mask = soft_mask(outline, width, height, style.feather * frame.face_width);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) cut.rgba.at(x, y)[3] = std::min(cut.rgba.at(x, y)[3], mask.at(x, y));

  auto local = [&](core::PointF p) { return core::PointF{p.x - x0, p.y - y0}; };
  cut.left_eye = local(FaceFinding{.landmarks = frame.aligned}.left_eye());
  cut.right_eye = local(FaceFinding{.landmarks = frame.aligned}.right_eye());
  cut.chin = local(frame.aligned[8]);
  cut.face_centre = local({(frame.aligned[0].x + frame.aligned[16].x) / 2, (frame.forehead_top_y + frame.chin_y) / 2});
  cut.face_width = frame.face_width;
  cut.mean_skin = sample_skin(photo, face);
  return cut;
}

}  // namespace storyloom::faces
