// Test photos for the faces module: the shared photos, and the odd cases made from them at run
// time (turned, blurred, darkened, shrunk, truncated, bombs, impostors, HEIC, WebP).
#pragma once

#include <string>

#include "core/image.hpp"
#include "faces/photo_intake.hpp"

namespace storyloom::faces::testing {

std::string shared_photo_path(const std::string& name);  // tests/data/photos/<name>
std::string read_file(const std::string& path);
core::Image load_shared(const std::string& name);        // decoded, upright

// The process-wide intake with the real landmark model (loaded once per test binary).
const PhotoIntake& intake();

std::string as_jpeg(const core::Image& image, int quality = 92);
std::string as_webp(const core::Image& image);
// RGBA PNG; with `exif_orientation` != 0 an eXIf chunk carrying that Orientation tag.
std::string as_png(const core::Image& image, int exif_orientation = 0);
// HEIC (HEVC via libheif's x265 encoder). `stored_sideways`: the pixels are stored turned 90
// degrees counter-clockwise with an irot box saying "turn 90 clockwise to view", as phones do.
std::string as_heic(const core::Image& image, bool stored_sideways);

core::Image darkened(core::Image image, double factor);
core::Image blurred(core::Image image, int radius);
core::Image shrunk(const core::Image& image, double factor);
// `image` placed on a larger canvas of `fill` at (x, y).
core::Image on_canvas(const core::Image& image, int width, int height, int x, int y, core::Rgba fill = {235, 235, 235, 255});
void paste(core::Image& canvas, const core::Image& image, int x, int y);

// A valid PNG header (signature, IHDR with CRC) declaring width x height RGB pixels, followed by
// an IDAT of compressed zero rows and IEND: a decompression bomb of a few hundred KB.
std::string png_bomb(int width, int height);
// A JPEG whose SOF header is rewritten to claim width x height (the pixels stay small).
std::string jpeg_claiming(int width, int height);

}  // namespace storyloom::faces::testing
