#include "story/variant_picker.hpp"

namespace storyloom::story {

std::uint64_t fnv1a64(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

VariantPicker::VariantPicker(std::uint64_t seed, std::string_view theme, std::string_view child_name)
    : key_(splitmix64(seed ^ splitmix64(fnv1a64(theme) ^ splitmix64(fnv1a64(child_name))))) {}

std::size_t VariantPicker::pick(std::string_view slot, std::size_t count) const {
  return static_cast<std::size_t>(splitmix64(key_ ^ fnv1a64(slot)) % count);
}

}  // namespace storyloom::story
