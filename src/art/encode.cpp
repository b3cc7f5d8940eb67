#include "art/encode.hpp"

#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>
#include <png.h>

namespace storyloom::art {
namespace {

core::Result<void> check_image(const core::Image& image) {
  if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 4) {
    return core::fail(core::ErrorKind::invalid_argument, "art_bad_image", "There is no picture to encode.");
  }
  return {};
}

void append_png_bytes(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<EncodedBytes*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + length);
}

struct JpegErrorJump {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

void jpeg_error_exit(j_common_ptr info) {
  std::longjmp(reinterpret_cast<JpegErrorJump*>(info->err)->jump, 1);
}

}  // namespace

core::Result<EncodedBytes> encode_png(const core::Image& image, std::span<const PngText> text) {
  if (auto ok = check_image(image); !ok) return core::fail(ok.error());
  EncodedBytes out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return core::fail(core::ErrorKind::internal, "art_png_failed", "Could not encode the picture as PNG.");
  }
  png_set_write_fn(png, &out, append_png_bytes, nullptr);
  png_set_compression_level(png, 2);  // speed over the last few percent of size
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  // An opaque picture (every page's art) is written as RGB: a quarter less to filter, compress
  // and checksum, and to read back; libpng drops the alpha byte from each row itself.
  const bool opaque = core::all_opaque(image.pixels.data(), image.pixels.size() / 4);
  png_set_IHDR(png, info, image.width, image.height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  std::vector<png_text> chunks(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    chunks[i].compression = PNG_TEXT_COMPRESSION_NONE;
    chunks[i].key = const_cast<char*>(text[i].key.c_str());  // libpng copies; it never writes through these
    chunks[i].text = const_cast<char*>(text[i].value.c_str());
    chunks[i].text_length = text[i].value.size();
  }
  if (!chunks.empty()) png_set_text(png, info, chunks.data(), static_cast<int>(chunks.size()));
  png_write_info(png, info);
  if (opaque) png_set_filler(png, 0, PNG_FILLER_AFTER);  // after the header, as libpng's manual has it
  for (int y = 0; y < image.height; ++y) png_write_row(png, image.at(0, y));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

core::Result<EncodedBytes> encode_jpeg(const core::Image& image, int quality) {
  if (auto ok = check_image(image); !ok) return core::fail(ok.error());
  if (quality < 1 || quality > 100) {
    return core::fail(core::ErrorKind::invalid_argument, "art_bad_quality", "JPEG quality must be 1..100.");
  }
  jpeg_compress_struct cinfo{};
  JpegErrorJump err{};
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_error_exit;
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  std::vector<std::uint8_t> row(static_cast<std::size_t>(image.width) * 3);
  if (setjmp(err.jump)) {
    jpeg_destroy_compress(&cinfo);
    std::free(buffer);
    return core::fail(core::ErrorKind::internal, "art_jpeg_failed", "Could not encode the picture as JPEG.");
  }
  jpeg_create_compress(&cinfo);
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(image.width);
  cinfo.image_height = static_cast<JDIMENSION>(image.height);
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    const std::uint8_t* in = image.at(0, static_cast<int>(cinfo.next_scanline));
    for (int x = 0; x < image.width; ++x, in += 4) {
      const unsigned a = in[3];
      for (int c = 0; c < 3; ++c) row[x * 3 + c] = static_cast<std::uint8_t>((in[c] * a + 255 * (255 - a) + 127) / 255);
    }
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  EncodedBytes out(buffer, buffer + size);
  jpeg_destroy_compress(&cinfo);
  std::free(buffer);
  return out;
}

}  // namespace storyloom::art
