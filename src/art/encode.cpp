#include "art/encode.hpp"

#include <csetjmp>

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

}  // namespace storyloom::art
