// TEST ONLY. A stand-in illustrator for tests and benchmarks of the print pipeline: a sky to
// ground gradient coloured by time of day, a sun or moon, and a round "hero" placed where the
// brief's text panel is not. It is never linked into the storyloom binary.
#pragma once

#include <cmath>
#include <cstdint>

#include "core/error.hpp"
#include "core/illustration.hpp"
#include "core/illustration_brief.hpp"
#include "core/image.hpp"

namespace storyloom::test_support {

inline core::Rgba sky_colour(const std::string& time_of_day) {
  if (time_of_day == "night") return {28, 36, 84};
  if (time_of_day == "sunset") return {242, 140, 90};
  if (time_of_day == "morning") return {170, 210, 240};
  return {120, 190, 235};
}

inline core::Result<core::Illustration> gradient_illustrate(const core::IllustrationBrief& brief, const core::HeroLook&,
                                                     int width, int height, std::uint64_t seed) {
  core::Image img(width, height);
  const core::Rgba sky = sky_colour(brief.time_of_day);
  const core::Rgba ground{static_cast<std::uint8_t>(60 + seed % 40), 140, 70};
  const double horizon = 0.62;
  const double hero_x = 0.5 * width, hero_y = 0.55 * height, hero_r = 0.12 * width;
  const double sun_x = 0.78 * width, sun_y = 0.22 * height, sun_r = 0.06 * width;
  for (int y = 0; y < height; ++y) {
    const double t = static_cast<double>(y) / height;
    for (int x = 0; x < width; ++x) {
      std::uint8_t* p = img.at(x, y);
      const core::Rgba& base = t < horizon ? sky : ground;
      const double k = t < horizon ? 0.75 + 0.25 * t / horizon : 1.0 - 0.4 * (t - horizon);
      p[0] = static_cast<std::uint8_t>(base.r * k);
      p[1] = static_cast<std::uint8_t>(base.g * k);
      p[2] = static_cast<std::uint8_t>(base.b * k);
      if ((x - sun_x) * (x - sun_x) + (y - sun_y) * (y - sun_y) < sun_r * sun_r) p[0] = 250, p[1] = 230, p[2] = 150;
      if ((x - hero_x) * (x - hero_x) + (y - hero_y) * (y - hero_y) < hero_r * hero_r) p[0] = 230, p[1] = 120, p[2] = 60;
    }
  }
  core::Illustration out;
  out.image = std::move(img);
  out.hero = {{hero_x, hero_y}, hero_r, 0};
  return out;
}

// Darkens diagonal stripes: enough to tell a watermarked preview from print art in tests.
inline core::Result<core::Image> stripe_watermark(const core::Image& in) {
  core::Image out = in;
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      if (((x + y) / 40) % 4 == 0) {
        std::uint8_t* p = out.at(x, y);
        p[0] = static_cast<std::uint8_t>(p[0] * 0.7), p[1] = static_cast<std::uint8_t>(p[1] * 0.7),
        p[2] = static_cast<std::uint8_t>(p[2] * 0.7);
      }
  return out;
}

}  // namespace storyloom::test_support
