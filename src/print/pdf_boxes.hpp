// Cairo 1.16 writes only a MediaBox; printers also need the TrimBox (where the paper is cut)
// and the BleedBox. This rewrites a finished PDF with libqpdf to add both to every page.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace storyloom::print {

// BleedBox = MediaBox; TrimBox = MediaBox inset by bleed_pt on every side. Streams are copied
// untouched (no re-compression). Errors: pdf_render_failed when qpdf cannot read the input.
core::Result<std::string> set_print_boxes(std::string_view pdf, double bleed_pt);

}  // namespace storyloom::print
