#include "print/colour.hpp"

#include <charconv>

namespace storyloom::print {

Colour parse_colour(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return {};
  auto channel = [&](std::size_t at) {
    unsigned v = 0;
    std::from_chars(hex.data() + at, hex.data() + at + 2, v, 16);
    return v / 255.0;
  };
  return {channel(1), channel(3), channel(5)};
}

Colour shade(Colour c, double amount) {
  const double target = amount > 0 ? 1.0 : 0.0;
  const double t = amount > 0 ? amount : -amount;
  return {c.r + (target - c.r) * t, c.g + (target - c.g) * t, c.b + (target - c.b) * t};
}

}  // namespace storyloom::print
