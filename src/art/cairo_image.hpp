// RAII for Cairo surfaces/contexts and conversion between core::Image (straight alpha RGBA) and
// Cairo's ARGB32 (premultiplied, native-endian 32-bit words).
#pragma once

#include <memory>

#include <cairo.h>

#include "core/error.hpp"
#include "core/image.hpp"

namespace storyloom::art {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

// A new ARGB32 surface; fails for non-positive or absurd sizes (> 12000 px a side).
core::Result<SurfacePtr> make_surface(int width, int height);
// Copies the surface into a straight-alpha image (un-premultiplies).
core::Image image_from_surface(cairo_surface_t* surface);
// Copies the image into a new premultiplied ARGB32 surface.
core::Result<SurfacePtr> surface_from_image(const core::Image& image);

}  // namespace storyloom::art
