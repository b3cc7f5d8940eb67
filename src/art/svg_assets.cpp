#include "art/svg_assets.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include <librsvg/rsvg.h>

#include <fmt/format.h>

#include "art/cairo_image.hpp"

namespace storyloom::art {
namespace {

struct HandleDeleter {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
using HandlePtr = std::unique_ptr<RsvgHandle, HandleDeleter>;

HandlePtr parse(const std::string& bytes, std::string& problem) {
  GError* error = nullptr;
  RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &error);
  if (!handle) {
    problem = error ? error->message : "unreadable SVG";
    if (error) g_error_free(error);
    return nullptr;
  }
  return HandlePtr(handle);
}

}  // namespace

core::Result<SvgAssets> SvgAssets::load(const std::filesystem::path& art_dir, const std::vector<std::string>& assets) {
  SvgAssets out;
  for (const auto& asset : assets) {
    if (out.pictures_.contains(asset)) continue;
    std::ifstream in(art_dir / asset, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    SvgPicture picture{buffer.str()};
    std::string problem = in ? "" : "cannot be read";
    HandlePtr handle = problem.empty() ? parse(picture.bytes, problem) : nullptr;
    if (handle) {
      gdouble w = 0, h = 0;
      if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h) || w <= 0 || h <= 0) {
        RsvgRectangle ink{}, logical{};
        rsvg_handle_get_geometry_for_layer(handle.get(), nullptr, nullptr, &ink, &logical, nullptr);
        w = logical.width;
        h = logical.height;
      }
      picture.width = w;
      picture.height = h;
      if (w <= 0 || h <= 0) problem = "has no size";
    }
    if (!problem.empty()) {
      return core::fail(core::ErrorKind::internal, "art_asset_invalid",
                        fmt::format("{}: {}", (art_dir / asset).string(), problem), {{"asset", asset}});
    }
    out.pictures_[asset] = std::move(picture);
  }
  return out;
}

double SvgAssets::aspect(const std::string& asset) const {
  auto it = pictures_.find(asset);
  return it == pictures_.end() ? 1.0 : it->second.width / it->second.height;
}

void SvgAssets::clip_to_box(cairo_t* cr, const std::string& asset, double cx, double bottom, double height) const {
  const double width = height * aspect(asset);
  cairo_rectangle(cr, cx - width / 2, bottom - height, width, height);
  cairo_clip(cr);
}

double SvgAssets::draw(cairo_t* cr, const std::string& asset, double cx, double bottom, double height, bool flip,
                       double opacity) const {
  auto it = pictures_.find(asset);
  if (it == pictures_.end() || height <= 0) return 0;
  std::string problem;
  HandlePtr handle = parse(it->second.bytes, problem);  // handles are not thread-safe: one per draw
  if (!handle) return 0;
  const double width = height * it->second.width / it->second.height;
  const double left = cx - width / 2, top = bottom - height;
  // librsvg draws into a surface just the picture's size: its own intermediate layers then
  // stay small (given the page it would allocate page-sized ones), and mirroring is a matrix on
  // the finished picture (librsvg mishandles mirrored target matrices).
  const double ux = std::floor(left), uy = std::floor(top);
  const int pw = static_cast<int>(std::ceil(width + (left - ux))) + 1, ph = static_cast<int>(std::ceil(height + (top - uy))) + 1;
  auto made = make_surface(pw, ph);  // refuses sizes over 12000 px a side
  if (!made) return 0;
  SurfacePtr picture = std::move(*made);
  ContextPtr pcr(cairo_create(picture.get()));
  const RsvgRectangle viewport{left - ux, top - uy, width, height};
  GError* error = nullptr;
  const bool ok = rsvg_handle_render_document(handle.get(), pcr.get(), &viewport, &error);
  if (error) g_error_free(error);
  pcr.reset();
  cairo_save(cr);
  cairo_rectangle(cr, left, top, width, height);
  cairo_clip(cr);
  if (flip) {
    cairo_translate(cr, 2 * cx, 0);
    cairo_scale(cr, -1, 1);
  }
  cairo_set_source_surface(cr, picture.get(), ux, uy);
  cairo_paint_with_alpha(cr, opacity);
  cairo_restore(cr);
  return ok ? width : 0;
}

}  // namespace storyloom::art
