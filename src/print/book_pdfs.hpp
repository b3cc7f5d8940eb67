// The three PDFs of a book. Each call is independent and deterministic for the same inputs,
// so a job may run it again after a crash.
//
//   interior: title, belongs-to, dedication, 10 story pages, ending, activity pages, colophon;
//             trim + bleed pages with TrimBox/BleedBox, art at print resolution.
//   cover:    one wrap page (bleed + back + spine + front + bleed); spine from page count.
//   preview:  title and story pages at preview resolution; pages after the free ones locked.
#pragma once

#include <optional>
#include <string>

#include "core/error.hpp"
#include "print/book_design.hpp"
#include "print/cover_geometry.hpp"
#include "print/page_image.hpp"
#include "story/story.hpp"

namespace storyloom::print {

struct PdfFile {
  std::string bytes;
  int page_count = 0;
  std::string font_family;  // the family really used (a fallback when Andika is missing)
  bool font_fallback = false;
};

struct CoverPdf {
  PdfFile pdf;
  CoverGeometry geometry;
};

// `art(n)` is asked for story page n = 1..10 in order, once each; only one image is held at a
// time. Errors: the art source's error, image_unreadable, pdf_render_failed.
core::Result<PdfFile> assemble_interior(const story::Story& story, const BookDesign& design, const PageArtSource& art);

// `front_art` covers the front panel plus its bleed (cover_art_size() pixels at print
// resolution). interior_pages is the padded interior page count, which sets the spine.
core::Result<CoverPdf> assemble_cover(const story::Story& story, const BookDesign& design, const PageImage& front_art,
                                      int interior_pages);

// `watermarked(n)` supplies preview art for story pages 1..free_pages (already watermarked by
// the caller; full-resolution art must never be passed here). Later pages are locked.
core::Result<PdfFile> assemble_preview(const story::Story& story, const BookDesign& design,
                                       const PageArtSource& watermarked, int free_pages = 5);

struct PixelSize {
  int width = 0;
  int height = 0;
};
// Pixel sizes the art must be rendered at for each use.
PixelSize page_art_size(const catalog::PrintSpec& spec);     // 3075 x 3075 for 10 in + bleed
PixelSize preview_art_size(const catalog::PrintSpec& spec);  // preview_px square
PixelSize cover_art_size(const catalog::PrintSpec& spec);    // front panel + bleed at print ppi

}  // namespace storyloom::print
