// Internal to preflight: walks a page's content streams (and the Form XObjects they draw),
// tracking the current transformation matrix through q/Q/cm, and reports the placed size of
// every image XObject drawn with Do.
#pragma once

// qpdf 11: use std::shared_ptr everywhere, no PointerHolder compatibility layer.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDFPageObjectHelper.hh>

#include <vector>

#include "print/preflight.hpp"

namespace storyloom::print {

std::vector<PlacedImage> scan_page_images(QPDFPageObjectHelper& page, int page_number);

}  // namespace storyloom::print
