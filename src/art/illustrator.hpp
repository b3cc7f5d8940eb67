// The illustrator port: draws one page's picture from an illustration brief and the hero's look.
// The embedded default is VectorIllustrator; remote image models are other implementations.
#pragma once

#include <cstdint>

#include "art/illustration.hpp"
#include "core/error.hpp"
#include "core/illustration_brief.hpp"

namespace storyloom::art {

class Illustrator {
 public:
  virtual ~Illustrator() = default;
  // Draws the page at width_px x height_px. The same brief, look, size and seed always give the
  // same pixels. Unknown props are skipped; an unknown theme or setting is an error.
  // Thread-safe: pages may be illustrated in parallel.
  virtual core::Result<Illustration> illustrate(const core::IllustrationBrief& brief, const core::HeroLook& look,
                                                int width_px, int height_px, std::uint64_t seed) = 0;
};

}  // namespace storyloom::art
