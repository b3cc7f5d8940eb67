// Painters for each kind of page, shared by the interior and the preview PDF. Each draws one
// whole page on `cr` (already sized to the geometry's page) and leaves showing it to the caller.
#pragma once

#include "core/error.hpp"
#include "print/book_design.hpp"
#include "print/page_geometry.hpp"
#include "print/page_image.hpp"
#include "print/page_plan.hpp"
#include "print/pdf_writer.hpp"
#include "print/placed_image.hpp"
#include "story/story.hpp"

namespace storyloom::print {

struct PageCanvas {
  PdfWriter& pdf;
  cairo_t* cr;
  const PageGeometry& geometry;
  const BookDesign& design;
  const story::Story& story;
};

// Text-only pages (text_pages.cpp).
void paint_title_page(const PageCanvas& c);
void paint_belongs_to_page(const PageCanvas& c);
void paint_dedication_page(const PageCanvas& c);
void paint_ending_page(const PageCanvas& c);
void paint_activity_page(const PageCanvas& c, PageKind kind);  // draw or notes
void paint_colophon_page(const PageCanvas& c);

// Full-bleed art with the page text in a panel at the top or bottom of the safe area
// (story_pages.cpp).
core::Result<PlacedImageInfo> paint_story_page(const PageCanvas& c, const story::StoryPage& page,
                                               const PageImage& art, int jpeg_quality);
// Preview only: a page the parent has not bought yet; shows no art and no text of the page.
void paint_locked_page(const PageCanvas& c, const story::StoryPage& page);

}  // namespace storyloom::print
