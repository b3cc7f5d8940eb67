#include "print/font_choice.hpp"

#include <map>
#include <mutex>

#include <fontconfig/fontconfig.h>

#include "core/log.hpp"

namespace storyloom::print {

namespace {

// The family and file fontconfig really picks for `family` (it substitutes silently).
std::pair<std::string, std::string> match_family(const std::string& family) {
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  std::pair<std::string, std::string> out;
  if (match) {
    FcChar8* value = nullptr;
    if (FcPatternGetString(match, FC_FAMILY, 0, &value) == FcResultMatch) out.first = reinterpret_cast<char*>(value);
    if (FcPatternGetString(match, FC_FILE, 0, &value) == FcResultMatch) out.second = reinterpret_cast<char*>(value);
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return out;
}

FontChoice resolve(const catalog::PrintSpec& spec) {
  auto [family, file] = match_family(spec.font_family);
  if (family == spec.font_family) return {family, file, false};
  auto [fallback, fallback_file] = match_family(spec.fallback_font_family);
  core::log_warn("book font not installed; using fallback",
                 {{"wanted", spec.font_family}, {"using", fallback}, {"file", fallback_file},
                  {"hint", "install the Debian package fonts-sil-andika"}});
  return {fallback.empty() ? spec.fallback_font_family : fallback, fallback_file, true};
}

}  // namespace

FontChoice choose_font(const catalog::PrintSpec& spec) {
  static std::mutex mutex;
  static std::map<std::string, FontChoice> cache;
  std::lock_guard lock(mutex);
  const auto key = spec.font_family + "\n" + spec.fallback_font_family;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  return cache[key] = resolve(spec);
}

}  // namespace storyloom::print
