// libpng behind setjmp error handling. Only this file includes png.h.
#include <png.h>

#include <cstring>

#include "faces/codecs.hpp"
#include "faces/photo_errors.hpp"

namespace storyloom::faces {
namespace {

// Ancillary chunks (text, ICC, ...) are not pixels; a huge one is hostile.
constexpr png_alloc_size_t kMaxChunkBytes = 4 * 1024 * 1024;

std::uint32_t read_be32(std::string_view b, std::size_t at) {
  return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}

struct MemoryReader {
  std::string_view bytes;
  std::size_t offset = 0;
  char message[256] = {};
};

void read_bytes(png_structp png, png_bytep out, png_size_t length) {
  auto* src = static_cast<MemoryReader*>(png_get_io_ptr(png));
  if (src->bytes.size() - src->offset < length) png_error(png, "file ends early (truncated)");
  std::memcpy(out, src->bytes.data() + src->offset, length);
  src->offset += length;
}

void on_error(png_structp png, png_const_charp message) {
  auto* src = static_cast<MemoryReader*>(png_get_error_ptr(png));
  std::snprintf(src->message, sizeof src->message, "%s", message);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

struct Reader {
  MemoryReader source;
  png_structp png = nullptr;
  png_infop info = nullptr;
  explicit Reader(std::string_view bytes) : source{bytes} {
    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &source, on_error, on_warning);
    if (png) info = png_create_info_struct(png);
  }
  ~Reader() { png_destroy_read_struct(&png, &info, nullptr); }
};

// Sets every transformation that turns any PNG flavour into 8-bit RGBA.
void ask_for_rgba8(png_structp png, png_infop info) {
  const int colour = png_get_color_type(png, info);
  if (png_get_bit_depth(png, info) == 16) png_set_strip_16(png);
  if (colour == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (colour == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  if (colour == PNG_COLOR_TYPE_GRAY || colour == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
  png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
}

bool read_all(Reader& r, core::Image& out, std::vector<png_bytep>& rows, int max_side) {
  if (setjmp(png_jmpbuf(r.png))) return false;
  png_set_read_fn(r.png, &r.source, read_bytes);
  png_set_user_limits(r.png, static_cast<png_uint_32>(max_side), static_cast<png_uint_32>(max_side));
  png_set_chunk_malloc_max(r.png, kMaxChunkBytes);
  png_read_info(r.png, r.info);
  ask_for_rgba8(r.png, r.info);
  const int width = static_cast<int>(png_get_image_width(r.png, r.info));
  const int height = static_cast<int>(png_get_image_height(r.png, r.info));
  if (png_get_rowbytes(r.png, r.info) != static_cast<png_size_t>(width) * 4) png_error(r.png, "unexpected row layout");
  out = core::Image(width, height);
  rows.resize(static_cast<std::size_t>(height));
  for (int y = 0; y < height; ++y) rows[static_cast<std::size_t>(y)] = out.at(0, y);
  png_read_image(r.png, rows.data());
  png_read_end(r.png, nullptr);
  return true;
}

}  // namespace

core::Result<ImageHeader> probe_png(std::string_view bytes) {
  // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4): PNG requires IHDR first.
  if (bytes.size() < 24 || bytes.substr(12, 4) != "IHDR") return core::fail(photo_unreadable("no PNG header"));
  const auto width = read_be32(bytes, 16), height = read_be32(bytes, 20);
  if (width == 0 || height == 0 || width > 0x7FFFFFFFu || height > 0x7FFFFFFFu) {
    return core::fail(photo_unreadable("invalid PNG dimensions"));
  }
  return ImageHeader{static_cast<int>(width), static_cast<int>(height)};
}

core::Result<core::Image> decode_png(std::string_view bytes) {
  Reader r(bytes);
  if (!r.png || !r.info) return core::fail(core::ErrorKind::internal, "png_init_failed", "libpng init failed");
  core::Image image;
  std::vector<png_bytep> rows;
  // The pipeline already checked the header; libpng's own limit is a second line of defence.
  if (!read_all(r, image, rows, 1 << 16)) return core::fail(photo_unreadable(r.source.message));
  return image;
}

}  // namespace storyloom::faces
