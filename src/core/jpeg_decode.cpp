// The JPEG decoder (core/jpeg.hpp), defensive because photos come from anyone.
#include <algorithm>
#include <cstdio>

#include <jpeglib.h>
#include <jerror.h>

#include "core/jpeg.hpp"
#include "core/libjpeg_errors.hpp"

namespace storyloom::core {
namespace {

// libjpeg only warns about a truncated or damaged stream and fills the rest with grey; for us
// such a file is unreadable.
void on_jpeg_warning(j_common_ptr info, int level) {
  if (level >= 0) return;  // trace messages
  const int code = info->err->msg_code;
  if (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE || code == JWRN_MUST_RESYNC)
    JpegErrorManager::on_error(info);
}

void on_jpeg_progress(j_common_ptr info) {
  auto* d = reinterpret_cast<j_decompress_ptr>(info);
  if (d->progressive_mode && d->input_scan_number > kMaxJpegScans) {
    auto* err = reinterpret_cast<JpegErrorManager*>(info->err);
    std::snprintf(err->message, sizeof err->message, "more than %d progressive scans", kMaxJpegScans);
    std::longjmp(err->jump, 1);
  }
}

struct Decompressor {
  jpeg_decompress_struct info{};
  JpegErrorManager err;
  jpeg_progress_mgr progress{};
  Decompressor() {
    info.err = err.install();
    err.pub.emit_message = on_jpeg_warning;
    jpeg_create_decompress(&info);
    progress.progress_monitor = on_jpeg_progress;
    info.progress = &progress;
  }
  ~Decompressor() { jpeg_destroy_decompress(&info); }
};

Error unreadable(std::string_view reason) {
  return Error{ErrorKind::unprocessable, "image_unreadable", "JPEG: " + std::string(reason),
               {{"reason", std::string(reason)}}};
}

// Every libjpeg call that can fail lives between setjmp and the end of these functions; they
// change no locals after the setjmp, only the objects passed in.
bool read_header(Decompressor& d, std::string_view bytes) {
  if (setjmp(d.err.jump)) return false;
  jpeg_mem_src(&d.info, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&d.info, TRUE);
  return true;
}

// The smallest libjpeg scale (n/8) whose long side keeps at least min_long_side pixels.
int scale_in_eighths(const jpeg_decompress_struct& info, int min_long_side) {
  const long long long_side = std::max(info.image_width, info.image_height);
  if (min_long_side <= 0) return 8;
  for (int n = 1; n < 8; ++n)
    if ((long_side * n + 7) / 8 >= min_long_side) return n;
  return 8;
}

bool read_pixels(Decompressor& d, Image& out, int eighths) {
  if (setjmp(d.err.jump)) return false;
  d.info.out_color_space = JCS_EXT_RGBA;
  d.info.scale_num = static_cast<unsigned>(eighths);
  d.info.scale_denom = 8;
  d.info.dct_method = JDCT_ISLOW;
  jpeg_start_decompress(&d.info);
  out = Image(static_cast<int>(d.info.output_width), static_cast<int>(d.info.output_height));
  while (d.info.output_scanline < d.info.output_height) {
    JSAMPROW row = out.at(0, static_cast<int>(d.info.output_scanline));
    jpeg_read_scanlines(&d.info, &row, 1);
  }
  jpeg_finish_decompress(&d.info);
  return true;
}

}  // namespace

Result<JpegHeader> read_jpeg_header(std::string_view bytes) {
  Decompressor d;
  if (!read_header(d, bytes)) return fail(unreadable(d.err.message));
  return JpegHeader{static_cast<int>(d.info.image_width), static_cast<int>(d.info.image_height),
                    d.info.num_components};
}

Result<Image> decode_jpeg(std::string_view bytes, int min_long_side) {
  Decompressor d;
  if (!read_header(d, bytes)) return fail(unreadable(d.err.message));
  if (d.info.jpeg_color_space == JCS_CMYK || d.info.jpeg_color_space == JCS_YCCK)
    return fail(unreadable("CMYK JPEG (a print file, not a photo)"));
  Image image;
  if (!read_pixels(d, image, scale_in_eighths(d.info, min_long_side))) return fail(unreadable(d.err.message));
  return image;
}

}  // namespace storyloom::core
