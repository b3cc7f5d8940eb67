#include "art/colour.hpp"

#include <algorithm>
#include <array>
#include <cairo.h>

namespace storyloom::art {
namespace {

std::optional<int> hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

std::uint8_t mix_channel(std::uint8_t a, std::uint8_t b, double t) {
  const double v = a + (b - a) * t;
  return static_cast<std::uint8_t>(std::clamp(v + 0.5, 0.0, 255.0));
}

}  // namespace

std::optional<core::Rgba> parse_colour(std::string_view text) {
  if (text.empty() || text[0] != '#') return std::nullopt;
  text.remove_prefix(1);
  std::array<int, 8> d{};
  if (text.size() != 3 && text.size() != 6 && text.size() != 8) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto v = hex_digit(text[i]);
    if (!v) return std::nullopt;
    d[i] = *v;
  }
  if (text.size() == 3) {
    return core::Rgba{static_cast<std::uint8_t>(d[0] * 17), static_cast<std::uint8_t>(d[1] * 17),
                      static_cast<std::uint8_t>(d[2] * 17), 255};
  }
  auto byte = [&](int i) { return static_cast<std::uint8_t>(d[i] * 16 + d[i + 1]); };
  return core::Rgba{byte(0), byte(2), byte(4), text.size() == 8 ? byte(6) : std::uint8_t{255}};
}

core::Rgba mix(core::Rgba a, core::Rgba b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  return {mix_channel(a.r, b.r, t), mix_channel(a.g, b.g, t), mix_channel(a.b, b.b, t), mix_channel(a.a, b.a, t)};
}

core::Rgba darker(core::Rgba c, double amount) { return mix(c, {0, 0, 0, c.a}, amount); }
core::Rgba lighter(core::Rgba c, double amount) { return mix(c, {255, 255, 255, c.a}, amount); }

void set_source(cairo_t* cr, core::Rgba c, double alpha_scale) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0 * alpha_scale);
}

}  // namespace storyloom::art
