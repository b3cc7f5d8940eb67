// The illustrator's result type lives in core (core/illustration.hpp) because print and jobs
// hand it to the personalizer; art uses the same names.
#pragma once

#include "core/illustration.hpp"

namespace storyloom::art {

using core::HeroPlacement;
using core::Illustration;

}  // namespace storyloom::art
