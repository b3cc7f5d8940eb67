#include "faces/face_finder.hpp"
#include <algorithm>

#include <cmath>
#include <numbers>

#include "faces/image_ops.hpp"

namespace storyloom::faces {
namespace {

// The turns tried when nothing is found upright: sideways both ways first (the common case of a
// phone photo without orientation), then upside down, then half-tilted heads.
constexpr double kTurns[] = {90, -90, 180, 45, -45};

double search_scale(int width, int height, double megapixels, double max_upsample) {
  const double s = std::sqrt(megapixels * 1e6 / (static_cast<double>(width) * height));
  return std::min(s, max_upsample);
}

GrayPlane scaled(const GrayPlane& plane, double s) {
  if (std::abs(s - 1.0) < 0.05) return plane;
  return resize(plane, std::max(1, static_cast<int>(std::lround(plane.width * s))),
                std::max(1, static_cast<int>(std::lround(plane.height * s))));
}

// dlib's frontal detector scans an 80 x 80 window: the smallest face it sees at scale s.
constexpr double kDetectorWindowPx = 80;

std::vector<FaceFinding> find_upright(const FaceModel& model, const GrayPlane& gray, double s) {
  if (std::abs(s - 1.0) < 0.05) s = 1.0;
  std::vector<FaceFinding> faces;
  for (const Detection& d : model.detect(scaled(gray, s))) {
    FaceFinding f;
    f.box = {d.box.x / s, d.box.y / s, d.box.width / s, d.box.height / s};
    f.size_px = f.box.width;
    f.score = d.score;
    f.landmarks = model.landmarks(gray, f.box);
    faces.push_back(f);
  }
  return faces;
}

// A copy of `image` turned by `degrees` (counter-clockwise on screen) on a canvas big enough to
// hold all of it, and the map from the turned copy's pixels back to `image`'s.
struct TurnedView {
  GrayPlane plane;
  AffineMap to_source;
};

TurnedView turned(const core::Image& image, double degrees) {
  const double t = degrees * std::numbers::pi / 180.0, c = std::cos(t), s = std::sin(t);
  const int w = static_cast<int>(std::lround(std::abs(image.width * c) + std::abs(image.height * s)));
  const int h = static_cast<int>(std::lround(std::abs(image.width * s) + std::abs(image.height * c)));
  const double scx = image.width / 2.0, scy = image.height / 2.0, dcx = w / 2.0, dcy = h / 2.0;
  const AffineMap map{c, -s, scx - c * dcx + s * dcy, s, c, scy - s * dcx - c * dcy};
  core::Image out = warp(image, w, h, map);
  return {to_gray(out), map};
}

std::vector<FaceFinding> find_turned(const FaceModel& model, const core::Image& photo, const FaceRules& rules) {
  // Sized by the 45-degree canvas, (w + h)^2 / 2, so long thin photos can't blow the budget up.
  const double canvas = std::pow(static_cast<double>(photo.width) + photo.height, 2) / 2;
  const double t = std::min(rules.max_upsample, std::sqrt(rules.turned_search_megapixels * 1e6 / canvas));
  const core::Image small = resize(photo, std::max(1, static_cast<int>(std::lround(photo.width * t))),
                                   std::max(1, static_cast<int>(std::lround(photo.height * t))));
  for (double degrees : kTurns) {
    const TurnedView view = turned(small, degrees);
    std::vector<FaceFinding> faces;
    for (const Detection& d : model.detect(view.plane)) {
      FaceFinding f;
      f.size_px = d.box.width / t;
      f.score = d.score;
      const Landmarks local = model.landmarks(view.plane, d.box);
      double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
      for (std::size_t i = 0; i < local.size(); ++i) {
        const auto p = view.to_source.apply(local[i].x, local[i].y);
        f.landmarks[i] = {p.x / t, p.y / t};
      }
      for (auto [cx, cy] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
        const auto p = view.to_source.apply(d.box.x + cx * d.box.width, d.box.y + cy * d.box.height);
        x0 = std::min(x0, p.x / t), y0 = std::min(y0, p.y / t), x1 = std::max(x1, p.x / t), y1 = std::max(y1, p.y / t);
      }
      f.box = {x0, y0, x1 - x0, y1 - y0};
      faces.push_back(f);
    }
    if (!faces.empty()) return faces;
  }
  return {};
}

}  // namespace

std::vector<FaceFinding> find_faces(const FaceModel& model, const core::Image& photo, const GrayPlane& gray,
                                    const FaceRules& rules) {
  if (photo.empty()) return {};
  const double coarse = search_scale(photo.width, photo.height, rules.detection_megapixels, rules.max_upsample);
  std::vector<FaceFinding> faces = find_upright(model, gray, coarse);
  // The smallest face that would still matter: a second face comparable to the main one, or,
  // with no face yet, one a bit under the size limit (so "too small" can be told from "none").
  double largest = 0;
  for (const auto& f : faces) largest = std::max(largest, f.size_px);
  const double wanted = faces.empty() ? 0.75 * rules.min_face_px : rules.comparable_face_ratio * largest;
  if (kDetectorWindowPx / coarse > wanted) {
    const double fine = std::min({kDetectorWindowPx / wanted, rules.max_upsample,
                                  search_scale(photo.width, photo.height, rules.fine_detection_megapixels, rules.max_upsample)});
    if (fine > coarse * 1.15) faces = find_upright(model, gray, fine);
  }
  if (faces.empty()) faces = find_turned(model, photo, rules);
  std::sort(faces.begin(), faces.end(), [](const FaceFinding& a, const FaceFinding& b) { return a.size_px > b.size_px; });
  return faces;
}

}  // namespace storyloom::faces
