// A Cairo PDF surface that writes into memory, with document metadata. Pages are drawn with
// context(), ended with next_page(), and finish() hands back the PDF bytes.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "print/cairo_handles.hpp"

namespace storyloom::print {

class PdfWriter {
 public:
  PdfWriter(double width_pt, double height_pt, const std::string& title, const std::string& subject);
  cairo_t* context() { return cr_.get(); }
  void next_page() { cairo_show_page(cr_.get()); }
  // Image surfaces drawn into the PDF live until the PDF surface is gone: destroying one
  // earlier makes Cairo's snapshot take a full copy of its pixels (38 MB per page). Their
  // pixel buffers are never touched (JPEG mime data), so keeping them costs no resident memory.
  void keep_until_finished(SurfacePtr surface) { image_surfaces_.push_back(std::move(surface)); }
  // Errors: pdf_render_failed with Cairo's status text.
  core::Result<std::string> finish();
  core::Result<void> status() const;

 private:
  static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length);
  std::string bytes_;
  std::vector<SurfacePtr> image_surfaces_;  // declared first: destroyed after surface_
  SurfacePtr surface_;
  CairoPtr cr_;
};

}  // namespace storyloom::print
