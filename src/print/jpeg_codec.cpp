#include "print/jpeg_codec.hpp"

#include "core/jpeg.hpp"
#include "print/png_rows.hpp"

namespace storyloom::print {

bool is_jpeg(std::string_view b) { return b.size() > 3 && b.substr(0, 3) == "\xFF\xD8\xFF"; }
bool is_png(std::string_view b) { return b.size() > 8 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n"; }

core::Result<std::string> png_to_jpeg(std::string_view png, int quality) {
  auto rows = PngRows::open(png);
  if (!rows) return core::fail(rows.error());
  auto jpeg = core::encode_jpeg_rows(rows->width(), rows->height(), {.quality = quality},
                                     [&](int) { return rows->next_row(); });
  if (!jpeg && jpeg.error().code == "image_unreadable")
    return core::fail(core::ErrorKind::unprocessable, "image_unreadable", "PNG: " + rows->error());
  return jpeg;
}

}  // namespace storyloom::print
