#include <gtest/gtest.h>

#include "print/pdf_writer.hpp"
#include "print/placed_image.hpp"
#include "print/preflight.hpp"
#include "print_fixture.hpp"

using namespace storyloom;

namespace {

// A 3-page PDF straight from Cairo: no TrimBox/BleedBox, and a 500 px picture stretched over
// the whole page (about 49 ppi).
std::string bad_pdf() {
  print::PdfWriter w(738, 738, "bad", "bad");
  core::Image small(500, 500, {200, 100, 50});
  for (int i = 0; i < 3; ++i) {
    auto placed = print::place_image(w, small, {0, 0, 738, 738}, 80);
    EXPECT_TRUE(placed);
    w.next_page();
  }
  return w.finish().value();
}

// A hand-written PDF whose Helvetica is referenced but not embedded.
std::string unembedded_font_pdf() {
  return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
         "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
         "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 738 738]/TrimBox[9 9 729 729]/BleedBox[0 0 738 738]"
         "/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>endobj\n"
         "4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
         "5 0 obj<</Length 36>>stream\nBT /F1 24 Tf 100 100 Td (Hi) Tj ET\nendstream endobj\n"
         "trailer<</Root 1 0 R>>\n%%EOF\n";
}

bool mentions(const print::PreflightReport& r, std::string_view what) {
  for (const auto& f : r.failures)
    if (f.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(Preflight, CatchesMissingBoxesLowResolutionAndShortBook) {
  auto report = print::preflight_pdf(bad_pdf(), print::interior_rules(test_support::shipped_catalog()->print));
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->passed());
  EXPECT_TRUE(mentions(*report, "page 1: no TrimBox"));
  EXPECT_TRUE(mentions(*report, "page 3: no BleedBox"));
  EXPECT_TRUE(mentions(*report, "49 ppi"));
  EXPECT_TRUE(mentions(*report, "3 pages; the printer needs at least 24"));
  ASSERT_EQ(report->images.size(), 3u);
  EXPECT_NEAR(report->images[0].width_pt, 738, 0.01);
}

TEST(Preflight, CatchesAFontThatIsNotEmbedded) {
  auto report = print::preflight_pdf(unembedded_font_pdf(), print::interior_rules(test_support::shipped_catalog()->print));
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(mentions(*report, "font Helvetica (Type1) is not embedded")) << report->to_json().dump(2);
}

TEST(Preflight, RefusesWhatIsNotAPdf) {
  auto report = print::preflight_pdf("hello, I am not a PDF", print::interior_rules(test_support::shipped_catalog()->print));
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, "pdf_unreadable");
}
