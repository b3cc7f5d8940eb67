#include "print/pdf_writer.hpp"

#include <cairo-pdf.h>

namespace storyloom::print {

PdfWriter::PdfWriter(double width_pt, double height_pt, const std::string& title, const std::string& subject)
    : surface_(cairo_pdf_surface_create_for_stream(&PdfWriter::write, this, width_pt, height_pt)),
      cr_(cairo_create(surface_.get())) {
  cairo_pdf_surface_restrict_to_version(surface_.get(), CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
  cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATOR, "Storyloom " STORYLOOM_VERSION);
}

cairo_status_t PdfWriter::write(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<PdfWriter*>(closure)->bytes_.append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

core::Result<void> PdfWriter::status() const {
  const auto s = cairo_status(cr_.get());
  if (s != CAIRO_STATUS_SUCCESS)
    return core::fail(core::ErrorKind::internal, "pdf_render_failed", cairo_status_to_string(s));
  return {};
}

core::Result<std::string> PdfWriter::finish() {
  cr_.reset();
  cairo_surface_finish(surface_.get());
  const auto s = cairo_surface_status(surface_.get());
  surface_.reset();
  image_surfaces_.clear();
  if (s != CAIRO_STATUS_SUCCESS)
    return core::fail(core::ErrorKind::internal, "pdf_render_failed", cairo_status_to_string(s));
  return std::move(bytes_);
}

}  // namespace storyloom::print
