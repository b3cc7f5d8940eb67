#include "core/clock.hpp"

namespace storyloom::core {

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace storyloom::core
