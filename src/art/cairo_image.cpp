#include "art/cairo_image.hpp"

#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "core/huge_pages.hpp"

namespace storyloom::art {
namespace {
constexpr int kMaxSide = 12000;
constexpr std::size_t kOwnBufferFrom = 4 * 1024 * 1024;
cairo_user_data_key_t kBufferKey;

void free_buffer(void* data) { std::free(data); }

// Big surfaces draw into a buffer of ours, in huge pages (core/huge_pages.hpp), zeroed like
// Cairo's own: a new surface is transparent.
cairo_surface_t* create_argb32(int width, int height) {
  const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width);
  const std::size_t size = static_cast<std::size_t>(stride) * height;
  if (stride <= 0 || size < kOwnBufferFrom) return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  auto* data = static_cast<unsigned char*>(core::calloc_huge_pages(size));
  if (!data) return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);  // Cairo reports the failure
  cairo_surface_t* surface = cairo_image_surface_create_for_data(data, CAIRO_FORMAT_ARGB32, width, height, stride);
  if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS &&
      cairo_surface_set_user_data(surface, &kBufferKey, data, free_buffer) == CAIRO_STATUS_SUCCESS)
    return surface;  // destroying the surface frees the buffer
  cairo_surface_destroy(surface);
  free_buffer(data);
  return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
}
}  // namespace

core::Result<SurfacePtr> make_surface(int width, int height) {
  if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide) {
    return core::fail(core::ErrorKind::invalid_argument, "art_bad_size",
                      fmt::format("An image must be 1..{} px a side, not {}x{}.", kMaxSide, width, height));
  }
  SurfacePtr surface(create_argb32(width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return core::fail(core::ErrorKind::internal, "art_surface_failed", "Could not allocate a drawing surface.",
                      {{"cairo", cairo_status_to_string(cairo_surface_status(surface.get()))}});
  }
  return surface;
}

core::Image image_from_surface(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const int w = cairo_image_surface_get_width(surface);
  const int h = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  core::Image image;
  image.width = w;
  image.height = h;
  image.pixels.resize(static_cast<std::size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    std::uint8_t* out = image.at(0, y);
    for (int x = 0; x < w; ++x, out += 4) {
      const std::uint32_t p = row[x];
      const std::uint32_t a = p >> 24;
      std::uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
      if (a != 255 && a != 0) {
        r = (r * 255 + a / 2) / a;
        g = (g * 255 + a / 2) / a;
        b = (b * 255 + a / 2) / a;
      }
      out[0] = static_cast<std::uint8_t>(r);
      out[1] = static_cast<std::uint8_t>(g);
      out[2] = static_cast<std::uint8_t>(b);
      out[3] = static_cast<std::uint8_t>(a);
    }
  }
  return image;
}

core::Result<SurfacePtr> surface_from_image(const core::Image& image) {
  if (image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 4) {
    return core::fail(core::ErrorKind::invalid_argument, "art_bad_image", "The image's pixel buffer does not match its size.");
  }
  auto surface = make_surface(image.width, image.height);
  if (!surface) return surface;
  cairo_surface_flush(surface->get());
  unsigned char* data = cairo_image_surface_get_data(surface->get());
  const int stride = cairo_image_surface_get_stride(surface->get());
  for (int y = 0; y < image.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    const std::uint8_t* in = image.at(0, y);
    for (int x = 0; x < image.width; ++x, in += 4) {
      const std::uint32_t a = in[3];
      const std::uint32_t r = (in[0] * a + 127) / 255, g = (in[1] * a + 127) / 255, b = (in[2] * a + 127) / 255;
      row[x] = (a << 24) | (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty(surface->get());
  return surface;
}

}  // namespace storyloom::art
