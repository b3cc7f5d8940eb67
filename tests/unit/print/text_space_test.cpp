// reserve_text_space: every story page's brief says where its text panel will cover the
// picture, on the side the theme chose and as tall as the typeset text.
#include <gtest/gtest.h>

#include "print/book_steps.hpp"
#include "print/text_space.hpp"
#include "print_fixture.hpp"

using namespace storyloom;
using namespace storyloom::test_support;

namespace {

story::Story written(int age, const std::string& theme) {
  auto s = print::write_story(*shipped_catalog(), shipped_writer(), {{"Emma", age, story::Pronouns::she}, theme, 3});
  if (!s) throw std::runtime_error(s.error().message);
  return std::move(*s);
}

double average_band(const story::Story& s) {
  double sum = 0;
  for (const auto& p : s.pages) sum += p.brief.text_band_height;
  return sum / static_cast<double>(s.pages.size());
}

}  // namespace

TEST(TextSpace, EveryPageIsToldWhereItsTextSits) {
  const double safe_margin = (0.125 + 0.5) / 10.25;  // bleed + safe margin, as a page fraction
  for (const auto& theme : shipped_catalog()->themes) {
    for (int age : {3, 6, 9}) {
      const auto story = written(age, theme.id);
      for (const auto& page : story.pages) {
        SCOPED_TRACE(theme.id + " age " + std::to_string(age) + " page " + std::to_string(page.number));
        EXPECT_EQ(page.brief.text_band, page.text_panel == catalog::TextPanel::top ? "top" : "bottom");
        EXPECT_GT(page.brief.text_band_height, safe_margin + 0.04);  // the margin and at least one line
        EXPECT_LE(page.brief.text_band_height, 0.5);
      }
    }
  }
}

TEST(TextSpace, LongerTextReservesMoreOfThePicture) {
  const auto little = written(3, "under-the-sea"), older = written(9, "under-the-sea");
  EXPECT_GT(average_band(older), average_band(little) + 0.05);
  auto page = older.pages.front();
  story::Story one = older;
  one.pages = {page, page};
  one.pages[1].text += " " + page.text;
  auto design = print::make_design(*shipped_catalog(), one, "Emma");
  ASSERT_TRUE(design);
  print::reserve_text_space(*design, one);
  EXPECT_GT(one.pages[1].brief.text_band_height, one.pages[0].brief.text_band_height);
}
