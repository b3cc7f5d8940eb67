// Checks a finished PDF the way a print partner would before accepting it: TrimBox and
// BleedBox on every page and where they belong, every font embedded, every image at enough
// pixels per inch for the size it is placed at, and the page count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/print_spec.hpp"
#include "core/error.hpp"

namespace storyloom::print {

enum class PdfKind { interior, cover };

struct PreflightRules {
  PdfKind kind = PdfKind::interior;
  double bleed_pt = 9;       // TrimBox = MediaBox inset by this
  double trim_width_pt = 720;   // interior only; a cover's width depends on its spine
  double trim_height_pt = 720;
  int min_ppi = 200;
  int min_pages = 24;        // interior only
  int page_multiple = 2;     // interior only
  double tolerance_pt = 0.5;
};

PreflightRules interior_rules(const catalog::PrintSpec& spec);
PreflightRules cover_rules(const catalog::PrintSpec& spec);

struct PlacedImage {
  int page = 0;  // 1-based
  std::string name;
  int width_px = 0, height_px = 0;
  double width_pt = 0, height_pt = 0;
  double effective_ppi = 0;  // the lower of the two directions
};

struct FontUse {
  std::string name;
  std::string subtype;
  bool embedded = false;
};

struct PreflightReport {
  int page_count = 0;
  std::vector<PlacedImage> images;
  std::vector<FontUse> fonts;
  std::vector<std::string> failures;  // one sentence each; empty means the PDF passes

  bool passed() const { return failures.empty(); }
  nlohmann::json to_json() const;
};

// Errors only when the bytes are not a readable PDF (pdf_unreadable); every print problem is
// a failure in the report instead.
core::Result<PreflightReport> preflight_pdf(std::string_view pdf, const PreflightRules& rules);

// A one-page PDF much wider than tall is a cover wrap; anything else an interior.
core::Result<PdfKind> guess_pdf_kind(std::string_view pdf);

}  // namespace storyloom::print
