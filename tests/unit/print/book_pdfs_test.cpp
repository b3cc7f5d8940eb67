#include <fstream>
#include <regex>

#include <fmt/format.h>

#include <gtest/gtest.h>

#include "print/cover_geometry.hpp"
#include "print/page_plan.hpp"
#include "print/preflight.hpp"
#include "print_fixture.hpp"

using namespace storyloom;
using namespace storyloom::test_support;

namespace {

// One book made once for all tests in this file (drawing 16 pictures takes a second or two).
const print::MadeBook& made_book() {
  static auto book = [] {
    print::BookMaker maker(shipped_catalog(), shipped_writer(), gradient_art());
    print::BookOrder order{{{"Emma", 6, story::Pronouns::she}, "enchanted-forest", 11}};
    auto r = maker.make(order, nullptr);
    if (!r) throw std::runtime_error(r.error().message);
    return std::move(*r);
  }();
  return book;
}

}  // namespace

TEST(PagePlan, PadsToMinimumAndMultipleWithColophonLast) {
  catalog::PrintSpec spec;
  spec.min_pages = 24;
  spec.page_multiple = 4;
  const auto plan = print::plan_interior(10, spec);
  EXPECT_EQ(plan.size(), 24u);
  EXPECT_EQ(plan.front().kind, print::PageKind::title);
  EXPECT_EQ(plan.back().kind, print::PageKind::colophon);
  EXPECT_EQ(plan[3].kind, print::PageKind::story);
  EXPECT_EQ(plan[3].story_page, 1);
  EXPECT_EQ(plan[13].kind, print::PageKind::ending);
  spec.min_pages = 8;
  EXPECT_EQ(print::plan_interior(10, spec).size(), 16u);  // 15 pages round up to a multiple of 4
  EXPECT_EQ(print::padded_page_count(25, spec), 28);
}

TEST(CoverGeometry, WidthIsBleedBackSpineFrontBleed) {
  const auto& spec = shipped_catalog()->print;
  const auto g = print::cover_geometry(spec, 24);
  const double spine_in = 24 / spec.paper.pages_per_inch + spec.cover.board_allowance_in;
  EXPECT_NEAR(g.spine_in, spine_in, 1e-9);
  EXPECT_NEAR(g.page.w, (2 * 0.125 + 2 * 10 + spine_in) * 72, 1e-6);
  EXPECT_NEAR(g.page.h, 10.25 * 72, 1e-6);
  EXPECT_FALSE(g.spine_has_text);  // about 0.12 in: too thin for words
  EXPECT_NEAR(g.front.x - g.back.right(), g.spine.w, 1e-9);
  const auto thick = print::cover_geometry(spec, 200);
  EXPECT_TRUE(thick.spine_has_text);
  EXPECT_GT(thick.page.w, g.page.w);
  // The barcode area sits inside the back cover, lower right.
  EXPECT_LE(g.barcode.right(), g.back.right());
  EXPECT_LE(g.barcode.bottom(), g.back.bottom());
  EXPECT_GT(g.barcode.x, g.back.x + g.back.w / 2);
}

TEST(InteriorPdf, HasPaddedPagesBoxesAndEmbeddedFonts) {
  const auto& book = made_book();
  EXPECT_EQ(book.interior.page_count, 24);
  EXPECT_FALSE(book.interior.font_fallback) << "fonts-sil-andika should be installed";
  auto report = print::preflight_pdf(book.interior.bytes, print::interior_rules(shipped_catalog()->print));
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->passed()) << report->to_json().dump(2);
  EXPECT_EQ(report->page_count, 24);
  ASSERT_EQ(report->images.size(), 10u);
  for (const auto& img : report->images) {
    EXPECT_EQ(img.width_px, 3075);
    EXPECT_NEAR(img.effective_ppi, 300, 0.5);
  }
  ASSERT_FALSE(report->fonts.empty());
  for (const auto& f : report->fonts) EXPECT_NE(f.name.find("Andika"), std::string::npos) << f.name;
}

TEST(InteriorPdf, PopplerSeesTrimBleedAndEmbeddedFonts) {
  const auto path = temp_file("interior.pdf");
  write_file(path, made_book().interior.bytes);
  const auto boxes = run("pdfinfo -box -f 1 -l 24 " + path.string());
  EXPECT_TRUE(std::regex_search(boxes, std::regex(R"(Pages: +24\n)"))) << boxes;
  EXPECT_TRUE(std::regex_search(boxes, std::regex(R"(Page +24 TrimBox: +9\.00 +9\.00 +729\.00 +729\.00)"))) << boxes;
  EXPECT_TRUE(std::regex_search(boxes, std::regex(R"(Page +1 BleedBox: +0\.00 +0\.00 +738\.00 +738\.00)"))) << boxes;
  const auto fonts = run("pdffonts " + path.string());
  std::istringstream lines(fonts);
  std::string line;
  int font_rows = 0;
  while (std::getline(lines, line)) {
    if (line.find("Andika") == std::string::npos) continue;
    ++font_rows;
    EXPECT_TRUE(std::regex_search(line, std::regex(R"( yes +yes +(yes|no) )"))) << "not embedded+subset: " << line;
  }
  EXPECT_GT(font_rows, 0) << fonts;
}

TEST(CoverPdf, OnePageWrapWithBoxesAndFrontArtAtPrintResolution) {
  const auto& cover = *made_book().cover;
  auto report = print::preflight_pdf(cover.pdf.bytes, print::cover_rules(shipped_catalog()->print));
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->passed()) << report->to_json().dump(2);
  ASSERT_EQ(report->images.size(), 1u);
  EXPECT_GE(report->images[0].effective_ppi, 299.5);
  const auto path = temp_file("cover.pdf");
  write_file(path, cover.pdf.bytes);
  const auto info = run("pdfinfo " + path.string());
  const auto expected = fmt::format("{:.2f} x 738 pts", cover.geometry.page.w);
  EXPECT_NE(info.find(expected), std::string::npos) << info << "\nexpected " << expected;
  EXPECT_EQ(print::guess_pdf_kind(cover.pdf.bytes).value(), print::PdfKind::cover);
}

TEST(PreviewPdf, SmallWithFreePagesAndLockedOnes) {
  const auto& preview = *made_book().preview;
  EXPECT_LT(preview.bytes.size(), 5u * 1024 * 1024);
  EXPECT_EQ(preview.page_count, 11);
  auto report = print::preflight_pdf(preview.bytes, print::interior_rules(shipped_catalog()->print));
  ASSERT_TRUE(report);
  EXPECT_EQ(report->images.size(), 5u) << "pages 6-10 must carry no art";
  for (const auto& img : report->images) EXPECT_EQ(img.width_px, shipped_catalog()->print.preview_px);
}

TEST(BookMaker, SameOrderSameStoryAndPictures) {
  print::BookMaker maker(low_res_catalog(), shipped_writer(), gradient_art());
  print::BookOrder order{{{"Emma", 6, story::Pronouns::she}, "enchanted-forest", 11}};
  order.cover = false;
  order.preview = false;
  auto again = maker.make(order, nullptr);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->story.title, made_book().story.title);
  EXPECT_EQ(again->interior.page_count, made_book().interior.page_count);
}

TEST(BookMaker, WithoutAnIllustratorSaysSo) {
  print::BookMaker maker(shipped_catalog(), shipped_writer(), print::ArtSteps{});
  auto r = maker.make({{{"Emma", 6, story::Pronouns::she}, "enchanted-forest", 1}}, nullptr);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "illustrator_unavailable");
}

TEST(BookMaker, NeverMakesAPreviewWithoutWatermark) {
  auto art = gradient_art();
  art.watermark = nullptr;
  print::BookMaker maker(shipped_catalog(), shipped_writer(), art);
  auto r = maker.make({{{"Emma", 6, story::Pronouns::she}, "enchanted-forest", 1}}, nullptr);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "watermark_unavailable");
}

TEST(BookMaker, PersonalizerFailureFallsBackToBaseArtAndIsRecorded) {
  auto art = gradient_art();
  art.personalize = [](core::Illustration&, const core::IllustrationBrief&) -> core::Result<void> {
    return core::fail(core::ErrorKind::unprocessable, "face_not_placeable", "no head found");
  };
  print::BookMaker maker(low_res_catalog(), shipped_writer(), art);
  print::BookOrder order{{{"Ola", 3, story::Pronouns::they}, "enchanted-forest", 2}};
  order.preview = false;
  order.cover = false;
  auto r = maker.make(order, nullptr);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->personalized_pictures, 0);
  ASSERT_EQ(r->personalize_fallbacks.size(), 10u);
  EXPECT_EQ(r->personalize_fallbacks[0], "page 1: face_not_placeable");
}

// The art is embedded as JPEG behind a 1x1 Cairo placeholder (placed_image.cpp); prove with an
// independent renderer that the picture, not the placeholder, is what a printer will see.
TEST(InteriorPdf, PopplerRendersTheArtNotAPlaceholder) {
  const auto pdf = temp_file("render.pdf");
  write_file(pdf, made_book().interior.bytes);
  const auto prefix = temp_file("render-page").string();
  run("pdftoppm -r 20 -f 4 -l 4 " + pdf.string() + " " + prefix);
  std::ifstream in(prefix + "-04.ppm", std::ios::binary);
  ASSERT_TRUE(in) << "pdftoppm produced no page";
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  ASSERT_EQ(magic, "P6");
  std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * h * 3);
  in.read(reinterpret_cast<char*>(rgb.data()), static_cast<std::streamsize>(rgb.size()));
  // Story page 1 of enchanted-forest is a night scene: the test illustrator paints a dark
  // blue sky in the upper part of the page, left of the moon.
  const unsigned char* px = &rgb[(static_cast<std::size_t>(h * 4 / 10) * w + w / 10) * 3];
  EXPECT_GT(px[2], 50) << "r=" << int(px[0]) << " g=" << int(px[1]) << " b=" << int(px[2]);
  EXPECT_GT(px[2], px[0] + 20);
}
