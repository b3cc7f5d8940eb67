#include "print/pdf_boxes.hpp"

#include <memory>

// qpdf 11: use std::shared_ptr everywhere, no PointerHolder compatibility layer.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace storyloom::print {

namespace {

QPDFObjectHandle box(double x0, double y0, double x1, double y1) {
  return QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
      QPDFObjectHandle::newReal(x0, 3), QPDFObjectHandle::newReal(y0, 3), QPDFObjectHandle::newReal(x1, 3),
      QPDFObjectHandle::newReal(y1, 3)});
}

void set_boxes(QPDFPageObjectHelper& page, double bleed) {
  auto media = page.getMediaBox();
  const auto r = media.getArrayAsRectangle();
  auto obj = page.getObjectHandle();
  obj.replaceKey("/BleedBox", box(r.llx, r.lly, r.urx, r.ury));
  obj.replaceKey("/TrimBox", box(r.llx + bleed, r.lly + bleed, r.urx - bleed, r.ury - bleed));
}

}  // namespace

core::Result<std::string> set_print_boxes(std::string_view pdf, double bleed_pt) {
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("book.pdf", pdf.data(), pdf.size());
    for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) set_boxes(page, bleed_pt);
    QPDFWriter w(q);
    w.setOutputMemory();
    w.setDecodeLevel(qpdf_dl_none);
    w.setCompressStreams(false);  // streams keep the compression Cairo gave them
    w.setObjectStreamMode(qpdf_o_preserve);
    w.write();
    std::unique_ptr<Buffer> buffer(w.getBuffer());
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    // qpdf reports damaged input by exception; this is the boundary where it becomes a value.
    return core::fail(core::ErrorKind::internal, "pdf_render_failed", std::string("qpdf: ") + e.what());
  }
}

}  // namespace storyloom::print
