#include "accounts/child_name.hpp"

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include <fmt/format.h>

namespace storyloom::accounts {
namespace {

constexpr std::size_t kMaxNameCodePoints = 40;

core::Error name_error(std::string reason) {
  return core::Error{core::ErrorKind::invalid_argument, "child_name_invalid",
                     "A name may use letters of any alphabet, spaces, hyphens and apostrophes (1 to 40).",
                     {{"reason", std::move(reason)}}};
}

// Decodes valid UTF-8 into code points after NFC normalization.
core::Result<std::vector<ucs4_t>> nfc_code_points(std::string_view raw, const core::Error& invalid) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(raw.data());
  if (u8_check(bytes, raw.size()) != nullptr) return std::unexpected(invalid);
  std::size_t out_len = 0;
  std::unique_ptr<uint8_t, decltype(&std::free)> nfc(u8_normalize(UNINORM_NFC, bytes, raw.size(), nullptr, &out_len),
                                                     &std::free);
  if (!nfc) return std::unexpected(invalid);
  std::vector<ucs4_t> out;
  for (std::size_t i = 0; i < out_len;) {
    ucs4_t c = 0;
    i += static_cast<std::size_t>(u8_mbtouc(&c, nfc.get() + i, out_len - i));
    out.push_back(c);
  }
  return out;
}

std::string encode(const std::vector<ucs4_t>& cps) {
  std::string out;
  for (ucs4_t c : cps) {
    uint8_t buf[6];
    const int n = u8_uctomb(buf, c, sizeof buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n > 0 ? n : 0));
  }
  return out;
}

bool is_space(ucs4_t c) { return c == 0x20 || c == 0x09 || c == 0xA0; }
bool is_letter(ucs4_t c) { return uc_is_general_category(c, UC_CATEGORY_L); }
bool is_mark(ucs4_t c) { return uc_is_general_category(c, UC_CATEGORY_M); }
bool is_joiner(ucs4_t c) { return c == 0x200C || c == 0x200D; }
bool is_separator(ucs4_t c) { return c == ' ' || c == '-' || c == '\'' || c == 0x2019 || c == 0x02BC; }

// Trims, collapses space runs to one U+0020.
std::vector<ucs4_t> tidy_spaces(const std::vector<ucs4_t>& in) {
  std::vector<ucs4_t> out;
  for (ucs4_t c : in) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

core::Result<std::string> normalize_child_name(std::string_view raw) {
  if (raw.size() > kMaxNameCodePoints * 8) return std::unexpected(name_error("too_long"));
  auto decoded = nfc_code_points(raw, name_error("not_utf8"));
  if (!decoded) return std::unexpected(decoded.error());
  const std::vector<ucs4_t> cps = tidy_spaces(*decoded);
  if (cps.empty()) return std::unexpected(name_error("empty"));
  if (cps.size() > kMaxNameCodePoints) return std::unexpected(name_error("too_long"));
  if (!is_letter(cps.front())) return std::unexpected(name_error("must_start_with_letter"));
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const ucs4_t c = cps[i];
    if (is_letter(c)) continue;
    const bool after_letter = i > 0 && (is_letter(cps[i - 1]) || is_mark(cps[i - 1]));
    const bool before_letter = i + 1 < cps.size() && is_letter(cps[i + 1]);
    if (is_mark(c) && after_letter) continue;
    if ((is_separator(c) || is_joiner(c)) && after_letter && before_letter) continue;
    return std::unexpected(name_error(is_separator(c) ? "separator_misplaced" : "character_not_allowed")
                               .with_details({{"reason", is_separator(c) ? "separator_misplaced" : "character_not_allowed"},
                                              {"position", i}}));
  }
  return encode(cps);
}

core::Result<std::string> normalize_short_text(std::string_view raw, std::size_t max_code_points,
                                               std::string_view field) {
  const core::Error invalid{core::ErrorKind::invalid_argument, fmt::format("{}_invalid", field),
                            fmt::format("The {} must be text of at most {} characters.", field, max_code_points)};
  if (raw.size() > max_code_points * 8) return std::unexpected(invalid);
  auto decoded = nfc_code_points(raw, invalid);
  if (!decoded) return std::unexpected(decoded.error());
  const std::vector<ucs4_t> cps = tidy_spaces(*decoded);
  if (cps.size() > max_code_points) return std::unexpected(invalid);
  for (ucs4_t c : cps)
    if (uc_is_general_category(c, UC_CATEGORY_C)) return std::unexpected(invalid);  // controls, unassigned
  return encode(cps);
}

}  // namespace storyloom::accounts
