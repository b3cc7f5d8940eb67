// An Illustration kept as one PNG between pipeline jobs: the pixels, plus a tEXt chunk
// ("storyloom:hero", JSON) with where the hero's head is and the light on it, so the
// personalizer in a later job can place the child's face without drawing the page again.
#pragma once

#include <string>
#include <string_view>

#include "art/illustration.hpp"
#include "core/error.hpp"

namespace storyloom::art {

core::Result<std::string> encode_illustration(const Illustration& illustration);

// A PNG without the chunk (or with a broken one) decodes with head_radius 0: the personalizer
// then keeps the picture as it is and says that it found no head.
core::Result<Illustration> decode_illustration(std::string_view png);

}  // namespace storyloom::art
