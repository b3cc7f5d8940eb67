// Photo JPEG decoding through libjpeg-turbo, hardened for uploads (damaged streams, scan bombs),
// behind setjmp/longjmp error handling. Encoding is core::encode_jpeg.
#include <cstdio>

#include <jpeglib.h>
#include <jerror.h>

#include "core/libjpeg_errors.hpp"
#include "faces/codecs.hpp"
#include "faces/photo_errors.hpp"

namespace storyloom::faces {
namespace {

// A progressive JPEG can carry thousands of tiny scans that take minutes to decode; real photos
// have about ten. More than this is treated as hostile.
constexpr int kMaxProgressiveScans = 100;

using core::JpegErrorManager;

// libjpeg only warns about a truncated or damaged stream and fills the rest with grey; for us
// such a file is unreadable.
void on_message(j_common_ptr cinfo, int level) {
  if (level >= 0) return;  // trace messages
  const int code = cinfo->err->msg_code;
  if (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE ||
      code == JWRN_MUST_RESYNC) {
    JpegErrorManager::on_error(cinfo);
  }
}

void on_progress(j_common_ptr cinfo) {
  auto* dinfo = reinterpret_cast<j_decompress_ptr>(cinfo);
  if (dinfo->progressive_mode && dinfo->input_scan_number > kMaxProgressiveScans) {
    cinfo->err->msg_code = JERR_UNKNOWN_MARKER;
    auto* err = reinterpret_cast<JpegErrorManager*>(cinfo->err);
    std::snprintf(err->message, sizeof err->message, "more than %d progressive scans", kMaxProgressiveScans);
    std::longjmp(err->jump, 1);
  }
}

struct Decompressor {
  jpeg_decompress_struct info{};
  JpegErrorManager err;
  jpeg_progress_mgr progress{};
  Decompressor() {
    info.err = err.install();
    err.pub.emit_message = on_message;
    jpeg_create_decompress(&info);
    progress.progress_monitor = on_progress;
    info.progress = &progress;
  }
  ~Decompressor() { jpeg_destroy_decompress(&info); }
};

// Every libjpeg call that can fail lives between setjmp and the end of these functions; they
// modify no locals after setjmp, only the objects passed in.
bool read_header(Decompressor& d, std::string_view bytes) {
  if (setjmp(d.err.jump)) return false;
  jpeg_mem_src(&d.info, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  jpeg_read_header(&d.info, TRUE);
  return true;
}

int smallest_scale(const jpeg_decompress_struct& info, int min_long_side) {
  const long long long_side = std::max(info.image_width, info.image_height);
  if (min_long_side <= 0) return 8;
  for (int n = 1; n < 8; ++n) {
    if ((long_side * n + 7) / 8 >= min_long_side) return n;
  }
  return 8;
}

bool read_pixels(Decompressor& d, core::Image& out, int scale) {
  if (setjmp(d.err.jump)) return false;
  d.info.out_color_space = JCS_EXT_RGBA;
  d.info.scale_num = static_cast<unsigned>(scale);
  d.info.scale_denom = 8;
  d.info.dct_method = JDCT_ISLOW;
  jpeg_start_decompress(&d.info);
  out = core::Image(static_cast<int>(d.info.output_width), static_cast<int>(d.info.output_height));
  while (d.info.output_scanline < d.info.output_height) {
    JSAMPROW row = out.at(0, static_cast<int>(d.info.output_scanline));
    jpeg_read_scanlines(&d.info, &row, 1);
  }
  jpeg_finish_decompress(&d.info);
  return true;
}

}  // namespace

core::Result<ImageHeader> probe_jpeg(std::string_view bytes) {
  Decompressor d;
  if (!read_header(d, bytes)) return core::fail(photo_unreadable(d.err.message));
  return ImageHeader{static_cast<int>(d.info.image_width), static_cast<int>(d.info.image_height)};
}

core::Result<core::Image> decode_jpeg(std::string_view bytes, int min_long_side) {
  Decompressor d;
  if (!read_header(d, bytes)) return core::fail(photo_unreadable(d.err.message));
  if (d.info.jpeg_color_space == JCS_CMYK || d.info.jpeg_color_space == JCS_YCCK) {
    return core::fail(photo_unreadable("CMYK JPEG (a print file, not a photo)"));
  }
  core::Image image;
  if (!read_pixels(d, image, smallest_scale(d.info, min_long_side))) {
    return core::fail(photo_unreadable(d.err.message));
  }
  return image;
}

}  // namespace storyloom::faces
