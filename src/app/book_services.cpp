#include "app/book_services.hpp"

namespace storyloom::app {

// The faces module (photo check, cut-out, traits) and the art module (illustrator,
// personalizer, watermark) are built on other branches. When they are merged, wire them here:
//   services.read_photo = [..](path) { faces verdict -> PhotoLook };
//   services.make_art = [..](style, photo) { return print::ArtSteps{
//       [&](auto& brief, auto& look, int w, int h, uint64_t seed) { return illustrator.illustrate(brief, look, w, h, seed); },
//       personalizer for `style` with photo.cutout / photo.look, watermark }; };
BookServices linked_book_services() { return {}; }

}  // namespace storyloom::app
