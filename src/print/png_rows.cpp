#include "print/png_rows.hpp"

#include <csetjmp>
#include <cstring>
#include <vector>

#include <png.h>

namespace storyloom::print {

// libpng reports errors by longjmp to png_jmpbuf. Every call into libpng that can fail sits in a
// function of its own with its own setjmp, and only plain data changes between the setjmp and
// the call, so nothing is left half-destroyed by the jump.
struct PngRows::State {
  std::string_view bytes;
  std::size_t offset = 0;
  png_structp png = nullptr;
  png_infop info = nullptr;
  int width = 0, height = 0;
  int next = 0;
  bool interlaced = false;
  std::vector<std::uint8_t> pixels;  // one row, or the whole picture when it is interlaced
  std::string error;

  ~State() { png_destroy_read_struct(&png, &info, nullptr); }
};

namespace {

constexpr int kMaxSide = 12000;  // as art draws at most; an interlaced one is read whole

void read_bytes(png_structp png, png_bytep data, png_size_t length) {
  auto* s = static_cast<PngRows::State*>(png_get_io_ptr(png));
  if (length > s->bytes.size() - s->offset) png_error(png, "the file ends too early");
  std::memcpy(data, s->bytes.data() + s->offset, length);
  s->offset += length;
}

void keep_message(png_structp png, png_const_charp message) {
  static_cast<PngRows::State*>(png_get_error_ptr(png))->error = message;
  png_longjmp(png, 1);
}

void ignore_warning(png_structp, png_const_charp) {}

// The header, and the conversions to 8-bit RGBA; false (with error set) when unreadable.
bool read_header(PngRows::State& s) {
  if (setjmp(png_jmpbuf(s.png))) return false;
  png_set_read_fn(s.png, &s, read_bytes);
  png_read_info(s.png, s.info);
  const png_uint_32 w = png_get_image_width(s.png, s.info), h = png_get_image_height(s.png, s.info);
  if (w == 0 || h == 0 || w > kMaxSide || h > kMaxSide) png_error(s.png, "the picture's size is out of range");
  png_set_expand(s.png);  // palette and low-depth grey to 8 bits, tRNS to alpha
  png_set_strip_16(s.png);
  png_set_gray_to_rgb(s.png);
  png_set_add_alpha(s.png, 0xff, PNG_FILLER_AFTER);  // RGB gets an opaque alpha byte
  s.interlaced = png_set_interlace_handling(s.png) > 1;
  png_read_update_info(s.png, s.info);
  if (png_get_rowbytes(s.png, s.info) != static_cast<png_size_t>(w) * 4) png_error(s.png, "unexpected row layout");
  s.width = static_cast<int>(w);
  s.height = static_cast<int>(h);
  return true;
}

bool read_whole_picture(PngRows::State& s, std::vector<png_bytep>& rows) {
  if (setjmp(png_jmpbuf(s.png))) return false;
  png_read_image(s.png, rows.data());
  return true;
}

bool read_one_row(PngRows::State& s) {
  if (setjmp(png_jmpbuf(s.png))) return false;
  png_read_row(s.png, s.pixels.data(), nullptr);
  return true;
}

}  // namespace

PngRows::PngRows(std::unique_ptr<State> state) : state_(std::move(state)) {}
PngRows::PngRows(PngRows&&) noexcept = default;
PngRows& PngRows::operator=(PngRows&&) noexcept = default;
PngRows::~PngRows() = default;

core::Result<PngRows> PngRows::open(std::string_view bytes) {
  auto unreadable = [](const std::string& why) {
    return core::fail(core::ErrorKind::unprocessable, "image_unreadable", "PNG: " + why);
  };
  auto s = std::make_unique<State>();
  s->bytes = bytes;
  s->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, s.get(), keep_message, ignore_warning);
  s->info = s->png ? png_create_info_struct(s->png) : nullptr;
  if (!s->info) return unreadable("out of memory");
  if (!read_header(*s)) return unreadable(s->error);
  const std::size_t row_bytes = static_cast<std::size_t>(s->width) * 4;
  if (!s->interlaced) {
    s->pixels.resize(row_bytes);
    return PngRows(std::move(s));
  }
  // Interlaced rows arrive in seven passes over the whole picture: it has to be read in full.
  s->pixels.resize(row_bytes * s->height);
  std::vector<png_bytep> rows(s->height);
  for (int y = 0; y < s->height; ++y) rows[y] = s->pixels.data() + row_bytes * y;
  if (!read_whole_picture(*s, rows)) return unreadable(s->error);
  return PngRows(std::move(s));
}

int PngRows::width() const { return state_->width; }
int PngRows::height() const { return state_->height; }
const std::string& PngRows::error() const { return state_->error; }

const std::uint8_t* PngRows::next_row() {
  State& s = *state_;
  if (s.next >= s.height) {
    s.error = "no rows left";
    return nullptr;
  }
  const int y = s.next++;
  if (s.interlaced) return s.pixels.data() + static_cast<std::size_t>(s.width) * 4 * y;
  return read_one_row(s) ? s.pixels.data() : nullptr;
}

}  // namespace storyloom::print
