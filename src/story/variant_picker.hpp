// Seeded, platform-independent choice among text variants: the same child, theme and seed
// always pick the same variants; another child (or seed) picks a different mix.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace storyloom::story {

class VariantPicker {
 public:
  VariantPicker(std::uint64_t seed, std::string_view theme, std::string_view child_name);
  // Index in [0, count) for the slot (e.g. "page-3"); count must be > 0.
  std::size_t pick(std::string_view slot, std::size_t count) const;

 private:
  std::uint64_t key_;
};

std::uint64_t fnv1a64(std::string_view s);
std::uint64_t splitmix64(std::uint64_t x);

}  // namespace storyloom::story
