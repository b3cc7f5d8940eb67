// Reads a PNG one row at a time as 8-bit straight-alpha RGBA, whatever its colour type and depth
// (palette, grey, 16-bit and transparency are converted by libpng). A page's art goes from PNG to
// JPEG a row at a time (print/jpeg_codec.hpp), so no picture-sized buffer is ever allocated.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace storyloom::print {

class PngRows {
 public:
  // Errors: image_unreadable when the bytes are not a PNG libpng can read.
  static core::Result<PngRows> open(std::string_view bytes);
  PngRows(PngRows&&) noexcept;
  PngRows& operator=(PngRows&&) noexcept;
  ~PngRows();

  int width() const;
  int height() const;
  // The next row (width() RGBA pixels, valid until the next call); nullptr when the file is
  // damaged, with the reason in error().
  const std::uint8_t* next_row();
  const std::string& error() const;

  struct State;  // libpng's structures and the row buffer (png_rows.cpp)

 private:
  explicit PngRows(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace storyloom::print
