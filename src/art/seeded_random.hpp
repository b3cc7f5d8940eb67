// A small deterministic random source (splitmix64) so a seed draws the same picture on every
// platform and library version (std distributions are implementation-defined).
#pragma once

#include <cstdint>
#include <string_view>

namespace storyloom::art {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  // A stream derived from this seed and a name, independent of how much was drawn elsewhere.
  SeededRandom fork(std::string_view name) const {
    std::uint64_t h = state_ ^ 0x9e3779b97f4a7c15ULL;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return SeededRandom(h);
  }
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }  // [0,1)
  double between(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t state_;
};

}  // namespace storyloom::art
