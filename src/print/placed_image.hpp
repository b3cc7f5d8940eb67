// Puts page art into a PDF page. JPEG bytes are embedded unchanged (no decode, no re-encode:
// the Cairo surface only carries the size, so memory stays low); PNG and core::Image are
// encoded to JPEG first at the given quality.
#pragma once

#include "core/error.hpp"
#include "print/cairo_handles.hpp"
#include "print/page_geometry.hpp"
#include "print/page_image.hpp"
#include "print/pdf_writer.hpp"

namespace storyloom::print {

struct PlacedImageInfo {
  int width_px = 0;
  int height_px = 0;
};

// Scales the image to cover `area` (cropping the overflow evenly) and paints it on the
// writer's current page; the writer keeps the image until the PDF is finished.
// Errors: image_unreadable for undecodable or CMYK bytes.
core::Result<PlacedImageInfo> place_image(PdfWriter& pdf, const PageImage& image, const Rect& area, int jpeg_quality);

// The JPEG bytes for any PageImage (JPEG passes through unchanged).
core::Result<std::string> to_jpeg(const PageImage& image, int jpeg_quality);

}  // namespace storyloom::print
