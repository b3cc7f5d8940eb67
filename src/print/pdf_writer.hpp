// A Cairo PDF surface that writes into memory, with document metadata. Pages are drawn with
// context(), ended with next_page(), and finish() hands back the PDF bytes.
#pragma once

#include <string>

#include "core/error.hpp"
#include "print/cairo_handles.hpp"

namespace storyloom::print {

class PdfWriter {
 public:
  PdfWriter(double width_pt, double height_pt, const std::string& title, const std::string& subject);
  cairo_t* context() { return cr_.get(); }
  void next_page() { cairo_show_page(cr_.get()); }
  // Errors: pdf_render_failed with Cairo's status text.
  core::Result<std::string> finish();
  core::Result<void> status() const;

 private:
  static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length);
  std::string bytes_;
  SurfacePtr surface_;
  CairoPtr cr_;
};

}  // namespace storyloom::print
