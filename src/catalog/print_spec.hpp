// Physical facts of the printed book (catalog/print.json): trim, bleed, safety, page counts,
// paper for the spine, cover geometry, fonts and the fixed words printed on special pages.
#pragma once

#include <cmath>
#include <string>

namespace storyloom::catalog {

struct PaperSpec {
  std::string id;
  std::string name;
  double pages_per_inch = 444;  // printed pages (not leaves) per inch of spine
};

struct BarcodeArea {
  double width_in = 2.0;
  double height_in = 1.2;
  double inset_in = 0.5;  // from the back cover's trim edges (lower right)
};

struct CoverSpec {
  double bleed_in = 0.125;
  double board_allowance_in = 0.0;  // added to the paper thickness for case-bound covers
  double min_spine_text_in = 0.25;  // spine text only when the spine is at least this wide
  BarcodeArea barcode;
};

struct PrintCopy {  // fixed words on special pages
  std::string byline;          // "A story starring"
  std::string belongs_to;      // "This book belongs to"
  std::string the_end;         // "The End"
  std::string draw_page;       // heading of a padding page to draw on
  std::string notes_page;      // heading of a padding page with lines
  std::string locked_heading;  // preview: a page not shown before purchase
  std::string locked_body;
  std::string made_with;       // colophon line on the last page
};

struct PrintSpec {
  std::string trim_id;  // "10x10"
  double trim_width_in = 10;
  double trim_height_in = 10;
  double bleed_in = 0.125;
  double safety_in = 0.5;
  int interior_ppi = 300;
  int min_ppi = 200;      // preflight flags images below this
  int preview_px = 1024;  // long side of preview images
  int min_pages = 24;
  int page_multiple = 2;
  int max_pages = 200;
  PaperSpec paper;
  CoverSpec cover;
  std::string font_family = "Andika";
  std::string fallback_font_family = "DejaVu Sans";
  PrintCopy copy;

  double page_width_pt() const { return (trim_width_in + 2 * bleed_in) * 72.0; }
  double page_height_pt() const { return (trim_height_in + 2 * bleed_in) * 72.0; }
  int page_width_px() const { return static_cast<int>(std::lround((trim_width_in + 2 * bleed_in) * interior_ppi)); }
  int page_height_px() const { return static_cast<int>(std::lround((trim_height_in + 2 * bleed_in) * interior_ppi)); }
};

}  // namespace storyloom::catalog
