#include "print/jpeg_codec.hpp"

#include <csetjmp>
#include <cstdio>
#include <vector>

#include <jpeglib.h>

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

namespace {

// Straight alpha over white paper, into an RGBX row.
void over_white(const std::uint8_t* rgba, int width, unsigned char* out) {
  for (int x = 0; x < width * 4; x += 4) {
    const unsigned a = rgba[x + 3];
    for (int k = 0; k < 3; ++k) out[x + k] = static_cast<unsigned char>((rgba[x + k] * a + 255 * (255 - a)) / 255);
    out[x + 3] = 255;
  }
}

// libjpeg-turbo reads RGBX rows itself (JCS_EXT_RGBX), so an opaque row, which is nearly every
// row of a page, goes to it as it is; only rows with transparency are composited first. Copying
// every pixel into an RGB row was most of a page's encoding time (a third under the sanitizers).
// `row_at(y)` answers row y of straight-alpha RGBA (y in order), or nullptr to give up with
// `source_error()`'s reason.
template <class RowAt, class SourceError>
core::Result<std::string> encode_rgba_rows(int width, int height, int quality, RowAt&& row_at,
                                           SourceError&& source_error) {
  jpeg_compress_struct c{};
  ErrorManager err{};
  c.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = on_error;
  unsigned char* out = nullptr;
  unsigned long out_size = 0;
  std::vector<unsigned char> composited(static_cast<std::size_t>(width) * 4);
  if (setjmp(err.jump)) {
    jpeg_destroy_compress(&c);
    std::free(out);
    return core::fail(jpeg_error(err.message));
  }
  jpeg_create_compress(&c);
  jpeg_mem_dest(&c, &out, &out_size);
  c.image_width = static_cast<JDIMENSION>(width);
  c.image_height = static_cast<JDIMENSION>(height);
  c.input_components = 4;
  c.in_color_space = JCS_EXT_RGBX;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, quality, TRUE);
  jpeg_start_compress(&c, TRUE);
  while (c.next_scanline < c.image_height) {
    const std::uint8_t* rgba = row_at(static_cast<int>(c.next_scanline));
    if (!rgba) {
      jpeg_destroy_compress(&c);
      std::free(out);
      return core::fail(core::ErrorKind::unprocessable, "image_unreadable", source_error());
    }
    JSAMPROW rows[1] = {const_cast<unsigned char*>(rgba)};  // libjpeg only reads input rows
    if (!core::all_opaque(rgba, static_cast<std::size_t>(width))) {
      over_white(rgba, width, composited.data());
      rows[0] = composited.data();
    }
    jpeg_write_scanlines(&c, rows, 1);
  }
  jpeg_finish_compress(&c);
  std::string bytes(reinterpret_cast<char*>(out), out_size);
  jpeg_destroy_compress(&c);
  std::free(out);
  return bytes;
}

}  // namespace

core::Result<std::string> encode_jpeg(const core::Image& image, int quality) {
  if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 4)
    return core::fail(core::ErrorKind::invalid_argument, "image_invalid", "image has no pixels or a wrong size");
  return encode_rgba_rows(
      image.width, image.height, quality, [&](int y) { return image.at(0, y); }, [] { return std::string(); });
}

core::Result<std::string> png_to_jpeg(std::string_view png, int quality) {
  auto rows = PngRows::open(png);
  if (!rows) return core::fail(rows.error());
  return encode_rgba_rows(
      rows->width(), rows->height(), quality, [&](int) { return rows->next_row(); },
      [&] { return "PNG: " + rows->error(); });
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
