#include "faces/colour_sampling.hpp"
#include <algorithm>
#include <fmt/format.h>

#include <cmath>

namespace storyloom::faces {
namespace {

bool take(const core::Image& photo, core::PointF p, std::vector<core::Rgba>& out) {
  const int x = static_cast<int>(std::floor(p.x)), y = static_cast<int>(std::floor(p.y));
  if (x < 0 || y < 0 || x >= photo.width || y >= photo.height) return false;
  const auto* px = photo.at(x, y);
  out.push_back({px[0], px[1], px[2], px[3]});
  return true;
}

}  // namespace

void collect_disc(const core::Image& photo, const FaceFrame& frame, core::PointF centre, double radius,
                  std::vector<core::Rgba>& out) {
  const double step = std::max(0.5, radius / 8);
  for (double dy = -radius; dy <= radius; dy += step)
    for (double dx = -radius; dx <= radius; dx += step)
      if (dx * dx + dy * dy <= radius * radius) take(photo, frame.to_photo({centre.x + dx, centre.y + dy}), out);
}

double collect_rect(const core::Image& photo, const FaceFrame& frame, double x0, double y0, double x1, double y1,
                    std::vector<core::Rgba>& out) {
  const double step = std::max(0.5, std::min(x1 - x0, y1 - y0) / 12);
  int tried = 0, taken = 0;
  for (double y = y0; y < y1; y += step)
    for (double x = x0; x < x1; x += step, ++tried) taken += take(photo, frame.to_photo({x, y}), out) ? 1 : 0;
  return tried ? static_cast<double>(taken) / tried : 0.0;
}

std::optional<core::Rgba> median_colour(std::vector<core::Rgba> samples) {
  if (samples.empty()) return std::nullopt;
  const auto mid = samples.size() / 2;
  core::Rgba m;
  auto channel = [&](std::uint8_t core::Rgba::*c) {
    std::nth_element(samples.begin(), samples.begin() + static_cast<long>(mid), samples.end(),
                     [c](const core::Rgba& a, const core::Rgba& b) { return a.*c < b.*c; });
    return samples[mid].*c;
  };
  m.r = channel(&core::Rgba::r), m.g = channel(&core::Rgba::g), m.b = channel(&core::Rgba::b);
  return m;
}

double distance(core::Rgba a, core::Rgba b) {
  const double dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b;
  return std::sqrt(dr * dr + dg * dg + db * db) / 441.67;
}

double spread(const std::vector<core::Rgba>& samples, core::Rgba centre) {
  if (samples.empty()) return 1.0;
  double sum = 0;
  for (const auto& s : samples) sum += distance(s, centre);
  return sum / static_cast<double>(samples.size());
}

double luma(core::Rgba c) { return (0.299 * c.r + 0.587 * c.g + 0.114 * c.b) / 255.0; }

std::string to_hex(core::Rgba c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

}  // namespace storyloom::faces
