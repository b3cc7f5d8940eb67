#include "print/jpeg_codec.hpp"

#include "core/jpeg.hpp"
#include "core/libjpeg_errors.hpp"
#include "print/png_rows.hpp"

namespace storyloom::print {

namespace {

core::Error jpeg_error(const char* what) {
  return core::Error{core::ErrorKind::unprocessable, "image_unreadable", std::string("JPEG: ") + what};
}

struct JpegReader {
  jpeg_decompress_struct info{};
  core::JpegErrorManager err;
  JpegReader() {
    info.err = err.install();
    jpeg_create_decompress(&info);
  }
  ~JpegReader() { jpeg_destroy_decompress(&info); }
};

// The libjpeg calls that can fail, each function between its own setjmp and return; they change
// no locals after the setjmp, only the objects passed in.
bool read_jpeg_header(JpegReader& r, std::string_view bytes) {
  if (setjmp(r.err.jump)) return false;
  jpeg_mem_src(&r.info, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&r.info, TRUE);
  return true;
}

bool read_jpeg_pixels(JpegReader& r, core::Image& out) {
  if (setjmp(r.err.jump)) return false;
  r.info.out_color_space = JCS_EXT_RGBA;  // alpha 255
  jpeg_start_decompress(&r.info);
  out = core::Image(static_cast<int>(r.info.output_width), static_cast<int>(r.info.output_height));
  while (r.info.output_scanline < r.info.output_height) {
    JSAMPROW row = out.at(0, static_cast<int>(r.info.output_scanline));
    jpeg_read_scanlines(&r.info, &row, 1);
  }
  jpeg_finish_decompress(&r.info);
  return true;
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
  JpegReader r;
  if (!read_jpeg_header(r, bytes)) return core::fail(jpeg_error(r.err.message));
  return JpegInfo{static_cast<int>(r.info.image_width), static_cast<int>(r.info.image_height), r.info.num_components};
}

core::Result<core::Image> decode_jpeg(std::string_view bytes) {
  if (!is_jpeg(bytes)) return core::fail(jpeg_error("not a JPEG file"));
  JpegReader r;
  core::Image image;
  if (!read_jpeg_header(r, bytes) || !read_jpeg_pixels(r, image)) return core::fail(jpeg_error(r.err.message));
  return image;
}

}  // namespace storyloom::print
