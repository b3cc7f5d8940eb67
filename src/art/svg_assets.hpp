// The SVG pictures a library of kits uses (Noto Emoji, openclipart), read once at load and drawn
// with librsvg at any size. Immutable after load, so pages may render on several threads.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"

typedef struct _cairo cairo_t;

namespace storyloom::art {

struct SvgPicture {
  std::string bytes;
  double width = 0, height = 0;  // intrinsic size, for the aspect ratio
};

class SvgAssets {
 public:
  // Reads and parses each asset (paths relative to art_dir); fails naming the first bad one.
  static core::Result<SvgAssets> load(const std::filesystem::path& art_dir, const std::vector<std::string>& assets);

  bool has(const std::string& asset) const { return pictures_.contains(asset); }
  double aspect(const std::string& asset) const;  // width / height; 1 when unknown
  // Clips `cr` to the box draw() would fill (call inside cairo_save/restore), so groups stay small.
  void clip_to_box(cairo_t* cr, const std::string& asset, double cx, double bottom, double height) const;
  // Draws `asset` with its bottom centre at (cx, bottom), `height` px tall, mirrored when flip.
  // Returns the drawn width in px (0 when the asset is unknown or fails to render).
  double draw(cairo_t* cr, const std::string& asset, double cx, double bottom, double height, bool flip = false,
              double opacity = 1.0) const;

 private:
  std::map<std::string, SvgPicture> pictures_;
};

}  // namespace storyloom::art
