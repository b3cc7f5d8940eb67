#include "print/jpeg_codec.hpp"

#include <csetjmp>
#include <cstdio>
#include <vector>

#include <jpeglib.h>

#include "core/jpeg.hpp"
#include "print/png_rows.hpp"

namespace storyloom::print {

namespace {

// libjpeg reports fatal errors through a callback that must not return; longjmp back to the
// caller and turn it into an Error value. Only plain C data lives across the jump.
struct ErrorManager {
  jpeg_error_mgr pub;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
  auto* mgr = reinterpret_cast<ErrorManager*>(info->err);
  (*info->err->format_message)(info, mgr->message);
  std::longjmp(mgr->jump, 1);
}

core::Error jpeg_error(const char* what) {
  return core::Error{core::ErrorKind::unprocessable, "image_unreadable", std::string("JPEG: ") + what};
}

}  // namespace

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

core::Result<JpegInfo> read_jpeg_info(std::string_view bytes) {
  if (!is_jpeg(bytes)) return core::fail(jpeg_error("not a JPEG file"));
  jpeg_decompress_struct d{};
  ErrorManager err{};
  d.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = on_error;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&d);
    return core::fail(jpeg_error(err.message));
  }
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&d, TRUE);
  JpegInfo info{static_cast<int>(d.image_width), static_cast<int>(d.image_height), d.num_components};
  jpeg_destroy_decompress(&d);
  return info;
}

core::Result<core::Image> decode_jpeg(std::string_view bytes) {
  if (!is_jpeg(bytes)) return core::fail(jpeg_error("not a JPEG file"));
  jpeg_decompress_struct d{};
  ErrorManager err{};
  d.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = on_error;
  core::Image image;
  std::vector<unsigned char> row;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&d);
    return core::fail(jpeg_error(err.message));
  }
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&d, TRUE);
  d.out_color_space = JCS_RGB;
  jpeg_start_decompress(&d);
  image = core::Image(static_cast<int>(d.output_width), static_cast<int>(d.output_height));
  row.resize(static_cast<std::size_t>(d.output_width) * 3);
  while (d.output_scanline < d.output_height) {
    JSAMPROW rows[1] = {row.data()};
    const int y = static_cast<int>(d.output_scanline);
    jpeg_read_scanlines(&d, rows, 1);
    std::uint8_t* dst = image.at(0, y);
    for (int x = 0; x < image.width; ++x, dst += 4) {
      dst[0] = row[x * 3];
      dst[1] = row[x * 3 + 1];
      dst[2] = row[x * 3 + 2];
      dst[3] = 255;
    }
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);
  return image;
}

}  // namespace storyloom::print
