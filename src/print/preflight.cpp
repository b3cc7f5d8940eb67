#include "print/preflight.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "print/pdf_image_scan.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

namespace storyloom::print {

namespace {

using Box = QPDFObjectHandle::Rectangle;

bool near(double a, double b, double tolerance) { return std::fabs(a - b) <= tolerance; }

bool same_box(const Box& x, const Box& y, double t) {
  return near(x.llx, y.llx, t) && near(x.lly, y.lly, t) && near(x.urx, y.urx, t) && near(x.ury, y.ury, t);
}

std::string show(const Box& b) { return fmt::format("[{:.1f} {:.1f} {:.1f} {:.1f}]", b.llx, b.lly, b.urx, b.ury); }

void check_boxes(QPDFPageObjectHelper& page, int n, const PreflightRules& rules, PreflightReport& report) {
  const Box media = page.getMediaBox().getArrayAsRectangle();
  auto obj = page.getObjectHandle();
  auto trim = obj.getKey("/TrimBox"), bleed = obj.getKey("/BleedBox");
  if (!trim.isRectangle()) report.failures.push_back(fmt::format("page {}: no TrimBox", n));
  if (!bleed.isRectangle()) report.failures.push_back(fmt::format("page {}: no BleedBox", n));
  if (!trim.isRectangle() || !bleed.isRectangle()) return;
  const double t = rules.tolerance_pt, b = rules.bleed_pt;
  const Box expected_trim{media.llx + b, media.lly + b, media.urx - b, media.ury - b};
  if (!same_box(trim.getArrayAsRectangle(), expected_trim, t))
    report.failures.push_back(fmt::format("page {}: TrimBox {} should be {} ({:.3f} in bleed)", n,
                                          show(trim.getArrayAsRectangle()), show(expected_trim), b / 72));
  if (!same_box(bleed.getArrayAsRectangle(), media, t))
    report.failures.push_back(fmt::format("page {}: BleedBox {} should equal the MediaBox {}", n,
                                          show(bleed.getArrayAsRectangle()), show(media)));
  if (rules.kind == PdfKind::interior) {
    const auto& tb = expected_trim;
    if (!near(tb.urx - tb.llx, rules.trim_width_pt, t) || !near(tb.ury - tb.lly, rules.trim_height_pt, t))
      report.failures.push_back(fmt::format("page {}: trim size {:.1f} x {:.1f} pt should be {:.1f} x {:.1f} pt", n,
                                            tb.urx - tb.llx, tb.ury - tb.lly, rules.trim_width_pt, rules.trim_height_pt));
  }
}

bool has_font_file(QPDFObjectHandle descriptor) {
  return descriptor.isDictionary() &&
         (descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") || descriptor.hasKey("/FontFile3"));
}

FontUse inspect_font(QPDFObjectHandle font) {
  FontUse use;
  use.name = font.getKey("/BaseFont").isName() ? font.getKey("/BaseFont").getName().substr(1) : "(unnamed)";
  use.subtype = font.getKey("/Subtype").isName() ? font.getKey("/Subtype").getName().substr(1) : "?";
  if (use.subtype == "Type3") {
    use.embedded = true;  // glyphs are drawn by procedures inside the PDF
  } else if (use.subtype == "Type0") {
    auto descendants = font.getKey("/DescendantFonts");
    use.embedded = descendants.isArray() && descendants.getArrayNItems() > 0 &&
                   has_font_file(descendants.getArrayItem(0).getKey("/FontDescriptor"));
  } else {
    use.embedded = has_font_file(font.getKey("/FontDescriptor"));
  }
  return use;
}

// Fonts of a resource dictionary and of the Form XObjects it holds, each object once.
void collect_fonts(QPDFObjectHandle resources, std::set<QPDFObjGen>& seen, PreflightReport& report, int depth) {
  if (!resources.isDictionary() || depth > 8) return;
  auto fonts = resources.getKey("/Font");
  if (fonts.isDictionary())
    for (auto& key : fonts.getKeys()) {
      auto font = fonts.getKey(key);
      if (!font.isDictionary() || !seen.insert(font.getObjGen()).second) continue;
      report.fonts.push_back(inspect_font(font));
    }
  auto xobjects = resources.getKey("/XObject");
  if (xobjects.isDictionary())
    for (auto& key : xobjects.getKeys()) {
      auto x = xobjects.getKey(key);
      if (x.isStream() && seen.insert(x.getObjGen()).second) collect_fonts(x.getDict().getKey("/Resources"), seen, report, depth + 1);
    }
}

void check_page_count(const PreflightRules& rules, PreflightReport& report) {
  if (rules.kind == PdfKind::cover) {
    if (report.page_count != 1) report.failures.push_back(fmt::format("a cover has 1 page, this has {}", report.page_count));
    return;
  }
  if (report.page_count < rules.min_pages)
    report.failures.push_back(fmt::format("{} pages; the printer needs at least {}", report.page_count, rules.min_pages));
  if (rules.page_multiple > 1 && report.page_count % rules.page_multiple != 0)
    report.failures.push_back(fmt::format("{} pages is not a multiple of {}", report.page_count, rules.page_multiple));
}

}  // namespace

PreflightRules interior_rules(const catalog::PrintSpec& spec) {
  return {PdfKind::interior, spec.bleed_in * 72, spec.trim_width_in * 72, spec.trim_height_in * 72,
          spec.min_ppi, spec.min_pages, spec.page_multiple};
}

PreflightRules cover_rules(const catalog::PrintSpec& spec) {
  auto r = interior_rules(spec);
  r.kind = PdfKind::cover;
  r.bleed_pt = spec.cover.bleed_in * 72;
  return r;
}

core::Result<PreflightReport> preflight_pdf(std::string_view pdf, const PreflightRules& rules) {
  PreflightReport report;
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("input.pdf", pdf.data(), pdf.size());
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    report.page_count = static_cast<int>(pages.size());
    std::set<QPDFObjGen> seen;
    for (int i = 0; i < report.page_count; ++i) {
      check_boxes(pages[i], i + 1, rules, report);
      collect_fonts(pages[i].getAttribute("/Resources", false), seen, report, 0);
      for (auto& img : scan_page_images(pages[i], i + 1)) report.images.push_back(img);
    }
  } catch (const std::exception& e) {
    return core::fail(core::ErrorKind::unprocessable, "pdf_unreadable", std::string("Not a readable PDF: ") + e.what());
  }
  for (const auto& f : report.fonts)
    if (!f.embedded) report.failures.push_back(fmt::format("font {} ({}) is not embedded", f.name, f.subtype));
  for (const auto& img : report.images)
    if (img.effective_ppi < rules.min_ppi)
      report.failures.push_back(fmt::format("page {}: image {} is {:.0f} ppi at its placed size ({}x{} px on {:.2f}x{:.2f} in); "
                                            "at least {} needed", img.page, img.name, img.effective_ppi, img.width_px,
                                            img.height_px, img.width_pt / 72, img.height_pt / 72, rules.min_ppi));
  check_page_count(rules, report);
  return report;
}

core::Result<PdfKind> guess_pdf_kind(std::string_view pdf) {
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("input.pdf", pdf.data(), pdf.size());
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    if (pages.size() != 1) return PdfKind::interior;
    const auto box = pages[0].getMediaBox().getArrayAsRectangle();
    return (box.urx - box.llx) > 1.5 * (box.ury - box.lly) ? PdfKind::cover : PdfKind::interior;
  } catch (const std::exception& e) {
    return core::fail(core::ErrorKind::unprocessable, "pdf_unreadable", std::string("Not a readable PDF: ") + e.what());
  }
}

nlohmann::json PreflightReport::to_json() const {
  nlohmann::json images_json = nlohmann::json::array(), fonts_json = nlohmann::json::array();
  for (const auto& i : images)
    images_json.push_back({{"page", i.page}, {"name", i.name}, {"width_px", i.width_px}, {"height_px", i.height_px},
                           {"width_in", i.width_pt / 72}, {"height_in", i.height_pt / 72},
                           {"effective_ppi", std::round(i.effective_ppi * 10) / 10}});
  for (const auto& f : fonts) fonts_json.push_back({{"name", f.name}, {"type", f.subtype}, {"embedded", f.embedded}});
  return {{"passed", passed()}, {"pages", page_count}, {"fonts", fonts_json}, {"images", images_json}, {"failures", failures}};
}

}  // namespace storyloom::print
