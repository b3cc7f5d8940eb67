#include "core/jpeg.hpp"

#include <cstdlib>
#include <vector>

#include "core/libjpeg_errors.hpp"

namespace storyloom::core {
namespace {

struct Compressor {
  jpeg_compress_struct info{};
  JpegErrorManager err;
  unsigned char* out = nullptr;
  unsigned long out_size = 0;
  Compressor() {
    info.err = err.install();
    jpeg_create_compress(&info);
  }
  ~Compressor() {
    jpeg_destroy_compress(&info);
    std::free(out);
  }
};

// Straight alpha over white paper, rounded, into an RGBX row.
void over_white(const std::uint8_t* rgba, int width, unsigned char* out) {
  for (int x = 0; x < width * 4; x += 4) {
    const unsigned a = rgba[x + 3];
    for (int k = 0; k < 3; ++k)
      out[x + k] = static_cast<unsigned char>((rgba[x + k] * a + 255 * (255 - a) + 127) / 255);
    out[x + 3] = 255;
  }
}

enum class Written { done, source_stopped, jpeg_failed };

// Every libjpeg call that can fail runs between this setjmp and the return; nothing with a
// destructor is created after the setjmp (libjpeg's own errors land here: JpegErrorManager).
Written write_rows(Compressor& c, int width, int height, const JpegOptions& options, const RgbaRowSource& row_at,
                   unsigned char* composited) {
  if (setjmp(c.err.jump)) return Written::jpeg_failed;
  jpeg_mem_dest(&c.info, &c.out, &c.out_size);
  c.info.image_width = static_cast<JDIMENSION>(width);
  c.info.image_height = static_cast<JDIMENSION>(height);
  c.info.input_components = 4;
  c.info.in_color_space = JCS_EXT_RGBX;  // libjpeg-turbo skips the fourth byte itself
  jpeg_set_defaults(&c.info);
  jpeg_set_quality(&c.info, options.quality, TRUE);
  c.info.optimize_coding = options.optimize_coding ? TRUE : FALSE;
  jpeg_start_compress(&c.info, TRUE);  // SOI + JFIF APP0 only; no other marker is written
  while (c.info.next_scanline < c.info.image_height) {
    const std::uint8_t* rgba = row_at(static_cast<int>(c.info.next_scanline));
    if (!rgba) return Written::source_stopped;
    JSAMPROW row = const_cast<unsigned char*>(rgba);  // libjpeg only reads input rows
    if (!all_opaque(rgba, static_cast<std::size_t>(width))) {
      over_white(rgba, width, composited);
      row = composited;
    }
    jpeg_write_scanlines(&c.info, &row, 1);
  }
  jpeg_finish_compress(&c.info);
  return Written::done;
}

}  // namespace

core::Result<std::string> encode_jpeg_rows(int width, int height, const JpegOptions& options,
                                           const RgbaRowSource& row_at) {
  if (width <= 0 || height <= 0 || width > JPEG_MAX_DIMENSION || height > JPEG_MAX_DIMENSION)
    return core::fail(ErrorKind::invalid_argument, "image_invalid", "A JPEG needs 1..65500 pixels a side.");
  if (options.quality < 1 || options.quality > 100)
    return core::fail(ErrorKind::invalid_argument, "jpeg_bad_quality", "JPEG quality must be 1..100.");
  std::vector<unsigned char> composited(static_cast<std::size_t>(width) * 4);
  Compressor c;
  switch (write_rows(c, width, height, options, row_at, composited.data())) {
    case Written::done:
      return std::string(reinterpret_cast<const char*>(c.out), c.out_size);
    case Written::source_stopped:
      return core::fail(ErrorKind::unprocessable, "image_unreadable", "The picture's rows ended early.");
    case Written::jpeg_failed:
      break;
  }
  return core::fail(ErrorKind::internal, "jpeg_encode_failed", std::string("JPEG: ") + c.err.message);
}

core::Result<std::string> encode_jpeg(const Image& image, const JpegOptions& options) {
  if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 4)
    return core::fail(ErrorKind::invalid_argument, "image_invalid", "The picture has no pixels or a wrong size.");
  return encode_jpeg_rows(image.width, image.height, options, [&image](int y) { return image.at(0, y); });
}

}  // namespace storyloom::core
