#include "faces/photo_quality.hpp"
#include <algorithm>
#include <vector>

#include <cmath>

#include "faces/image_ops.hpp"

namespace storyloom::faces {
namespace {

// The central part of the face box: skin, eyes, nose and mouth, without hair or background.
GrayPlane face_core(const GrayPlane& photo, const FaceBox& face) {
  const int x0 = std::clamp(static_cast<int>(face.x + face.width * 0.15), 0, photo.width - 1);
  const int y0 = std::clamp(static_cast<int>(face.y + face.height * 0.15), 0, photo.height - 1);
  const int x1 = std::clamp(static_cast<int>(face.x + face.width * 0.85), x0 + 1, photo.width);
  const int y1 = std::clamp(static_cast<int>(face.y + face.height * 0.85), y0 + 1, photo.height);
  GrayPlane crop(x1 - x0, y1 - y0);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) crop.at(x - x0, y - y0) = photo.at(x, y);
  return crop;
}

double mean_and_stddev(const std::vector<double>& values, double& stddev) {
  double sum = 0, sq = 0;
  for (double v : values) sum += v, sq += v * v;
  const double n = static_cast<double>(std::max<std::size_t>(1, values.size()));
  const double mean = sum / n;
  stddev = std::sqrt(std::max(0.0, sq / n - mean * mean));
  return mean;
}

}  // namespace

FaceQuality measure_face_quality(const GrayPlane& photo, const FaceBox& face) {
  FaceQuality q;
  if (photo.width == 0 || photo.height == 0) return q;
  const GrayPlane crop = face_core(photo, face);
  std::vector<double> luma(crop.pixels.begin(), crop.pixels.end());
  double luma_sd = 0;
  q.brightness = mean_and_stddev(luma, luma_sd) / 255.0;
  std::vector<std::uint8_t> sorted(crop.pixels.begin(), crop.pixels.end());
  const auto p95 = sorted.begin() + static_cast<long>(sorted.size() * 95 / 100);
  std::nth_element(sorted.begin(), p95, sorted.end());
  q.highlight = *p95 / 255.0;

  const double shrink = std::min(1.0, static_cast<double>(kSharpnessSidePx) / std::max(crop.width, crop.height));
  const GrayPlane norm = resize(crop, std::max(3, static_cast<int>(std::lround(crop.width * shrink))),
                                std::max(3, static_cast<int>(std::lround(crop.height * shrink))));
  std::vector<double> values, laplacian;
  for (int y = 1; y + 1 < norm.height; ++y) {
    for (int x = 1; x + 1 < norm.width; ++x) {
      values.push_back(norm.at(x, y));
      laplacian.push_back(4.0 * norm.at(x, y) - norm.at(x - 1, y) - norm.at(x + 1, y) - norm.at(x, y - 1) - norm.at(x, y + 1));
    }
  }
  double sd = 0, lap_sd = 0;
  mean_and_stddev(values, sd);
  mean_and_stddev(laplacian, lap_sd);
  q.sharpness = lap_sd / std::max(sd, 4.0);  // flat (featureless) crops get a low, not an infinite, score
  return q;
}

}  // namespace storyloom::faces
