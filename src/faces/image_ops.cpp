#include "faces/image_ops.hpp"
#include <algorithm>

#include <cmath>
#include <cstring>
#include <numbers>

namespace storyloom::faces {
namespace {

struct Tap {
  int index;
  float weight;
};

// For every output coordinate, which source samples contribute and how much (sums to 1).
std::vector<std::vector<Tap>> resampling_taps(int src, int dst) {
  std::vector<std::vector<Tap>> taps(static_cast<std::size_t>(dst));
  const double scale = static_cast<double>(src) / dst;
  for (int i = 0; i < dst; ++i) {
    auto& t = taps[static_cast<std::size_t>(i)];
    if (scale > 1.0) {  // shrinking: average the covered source interval
      const double lo = i * scale, hi = (i + 1) * scale;
      for (int j = static_cast<int>(lo); j < std::min(src, static_cast<int>(std::ceil(hi))); ++j) {
        const double overlap = std::min(hi, j + 1.0) - std::max(lo, static_cast<double>(j));
        if (overlap > 0) t.push_back({j, static_cast<float>(overlap / scale)});
      }
    } else {  // enlarging: linear interpolation between the two nearest samples
      const double centre = (i + 0.5) * scale - 0.5;
      const int j0 = static_cast<int>(std::floor(centre));
      const float f = static_cast<float>(centre - j0);
      t.push_back({std::clamp(j0, 0, src - 1), 1.0f - f});
      t.push_back({std::clamp(j0 + 1, 0, src - 1), f});
    }
  }
  return taps;
}

// Separable resampling of an interleaved 8-bit buffer with `channels` channels, one output row at
// a time (vertical taps into a float row, then horizontal taps): no full-size intermediate, which
// matters because page faults, not arithmetic, dominate on large photos.
// `dst` holds dw * dh * channels bytes.
void resample(const std::uint8_t* src, int sw, int sh, std::uint8_t* dst, int dw, int dh, int channels) {
  const auto xt = resampling_taps(sw, dw), yt = resampling_taps(sh, dh);
  std::vector<float> column(static_cast<std::size_t>(sw) * channels);
  const std::size_t src_stride = static_cast<std::size_t>(sw) * channels;
  for (int y = 0; y < dh; ++y) {
    std::fill(column.begin(), column.end(), 0.0f);
    for (const Tap& tap : yt[static_cast<std::size_t>(y)]) {
      const std::uint8_t* row = src + static_cast<std::size_t>(tap.index) * src_stride;
      for (std::size_t i = 0; i < src_stride; ++i) column[i] += tap.weight * row[i];
    }
    std::uint8_t* out = dst + static_cast<std::size_t>(y) * dw * channels;
    for (int x = 0; x < dw; ++x) {
      float acc[4] = {0, 0, 0, 0};
      for (const Tap& tap : xt[static_cast<std::size_t>(x)]) {
        const float* px = column.data() + static_cast<std::size_t>(tap.index) * channels;
        for (int c = 0; c < channels; ++c) acc[c] += tap.weight * px[c];
      }
      for (int c = 0; c < channels; ++c) out[x * channels + c] = static_cast<std::uint8_t>(std::clamp(acc[c] + 0.5f, 0.0f, 255.0f));
    }
  }
}

void box_blur_line(std::uint8_t* data, int count, int stride, int channels, int radius, std::vector<std::uint8_t>& tmp) {
  tmp.resize(static_cast<std::size_t>(count) * channels);
  for (int i = 0; i < count; ++i)
    for (int c = 0; c < channels; ++c) tmp[static_cast<std::size_t>(i) * channels + c] = data[static_cast<std::size_t>(i) * stride + c];
  const int window = 2 * radius + 1;
  for (int c = 0; c < channels; ++c) {
    int sum = 0;
    for (int k = -radius; k <= radius; ++k) sum += tmp[static_cast<std::size_t>(std::clamp(k, 0, count - 1)) * channels + c];
    for (int i = 0; i < count; ++i) {
      data[static_cast<std::size_t>(i) * stride + c] = static_cast<std::uint8_t>((sum + window / 2) / window);
      const int leaving = std::clamp(i - radius, 0, count - 1), entering = std::clamp(i + radius + 1, 0, count - 1);
      sum += tmp[static_cast<std::size_t>(entering) * channels + c] - tmp[static_cast<std::size_t>(leaving) * channels + c];
    }
  }
}

void blur_buffer(std::uint8_t* data, int width, int height, int channels, int radius) {
  if (radius <= 0 || width <= 0 || height <= 0) return;
  std::vector<std::uint8_t> tmp;
  for (int pass = 0; pass < 3; ++pass) {
    for (int y = 0; y < height; ++y)
      box_blur_line(data + static_cast<std::size_t>(y) * width * channels, width, channels, channels, radius, tmp);
    for (int x = 0; x < width; ++x)
      box_blur_line(data + static_cast<std::size_t>(x) * channels, height, width * channels, channels, radius, tmp);
  }
}

core::Rgba sample_bilinear(const core::Image& image, double x, double y, core::Rgba outside) {
  const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
  if (x0 < -1 || y0 < -1 || x0 >= image.width || y0 >= image.height) return outside;
  const double fx = x - x0, fy = y - y0;
  double acc[4] = {0, 0, 0, 0};
  for (int k = 0; k < 4; ++k) {
    const int sx = x0 + (k & 1), sy = y0 + (k >> 1);
    const double w = ((k & 1) ? fx : 1 - fx) * ((k >> 1) ? fy : 1 - fy);
    const bool inside = sx >= 0 && sy >= 0 && sx < image.width && sy < image.height;
    const std::uint8_t fallback[4] = {outside.r, outside.g, outside.b, outside.a};
    const std::uint8_t* p = inside ? image.at(sx, sy) : fallback;
    for (int c = 0; c < 4; ++c) acc[c] += w * p[c];
  }
  auto u8 = [](double v) { return static_cast<std::uint8_t>(std::clamp(v + 0.5, 0.0, 255.0)); };
  return {u8(acc[0]), u8(acc[1]), u8(acc[2]), u8(acc[3])};
}

core::Image warp_with_fill(const core::Image& image, int width, int height, const AffineMap& map, core::Rgba fill) {
  core::Image out(width, height);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const auto src = map.apply(x + 0.5, y + 0.5);
      const core::Rgba c = sample_bilinear(image, src.x - 0.5, src.y - 0.5, fill);
      std::uint8_t* p = out.at(x, y);
      p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = c.a;
    }
  }
  return out;
}

}  // namespace

core::Image apply_exif_orientation(const core::Image& image, int orientation) {
  if (orientation < 2 || orientation > 8) return image;
  const int sw = image.width, sh = image.height;
  const bool swaps = orientation >= 5;
  core::Image out(swaps ? sh : sw, swaps ? sw : sh);
  for (int dy = 0; dy < out.height; ++dy) {
    for (int dx = 0; dx < out.width; ++dx) {
      int sx = dx, sy = dy;
      switch (orientation) {
        case 2: sx = sw - 1 - dx; break;
        case 3: sx = sw - 1 - dx, sy = sh - 1 - dy; break;
        case 4: sy = sh - 1 - dy; break;
        case 5: sx = dy, sy = dx; break;
        case 6: sx = dy, sy = sh - 1 - dx; break;
        case 7: sx = sw - 1 - dy, sy = sh - 1 - dx; break;
        case 8: sx = sw - 1 - dy, sy = dx; break;
      }
      std::memcpy(out.at(dx, dy), image.at(sx, sy), 4);
    }
  }
  return out;
}

core::Image resize(const core::Image& image, int width, int height) {
  core::Image out;
  out.width = width, out.height = height;
  out.pixels.resize(static_cast<std::size_t>(width) * height * 4);
  resample(image.pixels.data(), image.width, image.height, out.pixels.data(), width, height, 4);
  return out;
}

GrayPlane resize(const GrayPlane& plane, int width, int height) {
  GrayPlane out;
  out.width = width, out.height = height;
  out.pixels.resize(static_cast<std::size_t>(width) * height);
  resample(plane.pixels.data(), plane.width, plane.height, out.pixels.data(), width, height, 1);
  return out;
}

core::Image fit_within(const core::Image& image, int long_side) {
  const int longest = std::max(image.width, image.height);
  if (longest <= long_side) return image;
  const double s = static_cast<double>(long_side) / longest;
  return resize(image, std::max(1, static_cast<int>(std::lround(image.width * s))),
                std::max(1, static_cast<int>(std::lround(image.height * s))));
}

core::Image rotate(const core::Image& image, double degrees, core::Rgba fill) {
  const double t = degrees * std::numbers::pi / 180.0, c = std::cos(t), s = std::sin(t);
  const double cx = image.width / 2.0, cy = image.height / 2.0;
  // source = centre + R(-θ on screen) * (dest - centre); see the header for the direction.
  AffineMap map{c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy};
  return warp_with_fill(image, image.width, image.height, map, fill);
}

core::Image warp(const core::Image& image, int width, int height, const AffineMap& output_to_source) {
  return warp_with_fill(image, width, height, output_to_source, core::Rgba{0, 0, 0, 0});
}

void blur(core::Image& image, int radius) { blur_buffer(image.pixels.data(), image.width, image.height, 4, radius); }
void blur(GrayPlane& plane, int radius) { blur_buffer(plane.pixels.data(), plane.width, plane.height, 1, radius); }

void flatten_on_white(core::Image& image) {
  for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
    const unsigned a = image.pixels[i + 3];
    if (a == 255) continue;
    for (int c = 0; c < 3; ++c) image.pixels[i + c] = static_cast<std::uint8_t>((image.pixels[i + c] * a + 255u * (255u - a) + 127u) / 255u);
    image.pixels[i + 3] = 255;
  }
}

GrayPlane to_gray(const core::Image& image) {
  GrayPlane out(image.width, image.height);
  for (std::size_t i = 0, j = 0; j < out.pixels.size(); i += 4, ++j) {
    const auto* p = image.pixels.data() + i;
    out.pixels[j] = static_cast<std::uint8_t>((299u * p[0] + 587u * p[1] + 114u * p[2] + 500u) / 1000u);
  }
  return out;
}

}  // namespace storyloom::faces
