// libheif (HEIC/HEIF, what iPhones send). Reading the context parses boxes only; pixels are
// decoded by heif_decode_image, which also applies the irot/imir/clap transformations.
#include <libheif/heif.h>

#include <cstring>
#include <memory>

#include "faces/codecs.hpp"
#include "faces/photo_errors.hpp"

namespace storyloom::faces {
namespace {

struct ContextDeleter {
  void operator()(heif_context* c) const { heif_context_free(c); }
};
struct HandleDeleter {
  void operator()(heif_image_handle* h) const { heif_image_handle_release(h); }
};
struct ImageDeleter {
  void operator()(heif_image* i) const { heif_image_release(i); }
};

struct PrimaryImage {
  std::unique_ptr<heif_context, ContextDeleter> context;
  std::unique_ptr<heif_image_handle, HandleDeleter> handle;
};

core::Error heif_failure(const heif_error& err) {
  if (err.code == heif_error_Memory_allocation_error && err.subcode == heif_suberror_Security_limit_exceeded) {
    return photo_dimensions_too_large(0, 0, 0, 0);
  }
  return photo_unreadable(err.message ? err.message : "HEIF error");
}

// `bytes` must outlive the result (the context reads from it without copying).
core::Result<PrimaryImage> open_primary(std::string_view bytes) {
  PrimaryImage primary;
  primary.context.reset(heif_context_alloc());
  if (!primary.context) return core::fail(core::ErrorKind::internal, "heif_init_failed", "libheif init failed");
  heif_error err = heif_context_read_from_memory_without_copy(primary.context.get(), bytes.data(), bytes.size(), nullptr);
  if (err.code != heif_error_Ok) return core::fail(heif_failure(err));
  heif_image_handle* handle = nullptr;
  err = heif_context_get_primary_image_handle(primary.context.get(), &handle);
  if (err.code != heif_error_Ok) return core::fail(heif_failure(err));
  primary.handle.reset(handle);
  return primary;
}

}  // namespace

core::Result<ImageHeader> probe_heif(std::string_view bytes) {
  auto primary = open_primary(bytes);
  if (!primary) return core::fail(primary.error());
  return ImageHeader{heif_image_handle_get_ispe_width(primary->handle.get()),
                     heif_image_handle_get_ispe_height(primary->handle.get())};
}

core::Result<core::Image> decode_heif(std::string_view bytes) {
  auto primary = open_primary(bytes);
  if (!primary) return core::fail(primary.error());
  heif_image* raw = nullptr;
  std::unique_ptr<heif_decoding_options, void (*)(heif_decoding_options*)> options(heif_decoding_options_alloc(),
                                                                                heif_decoding_options_free);
  options->convert_hdr_to_8bit = 1;  // 10-bit HDR HEIC from newer phones: we want 8-bit RGBA
  const heif_error err = heif_decode_image(primary->handle.get(), &raw, heif_colorspace_RGB,
                                           heif_chroma_interleaved_RGBA, options.get());
  if (err.code != heif_error_Ok) return core::fail(heif_failure(err));
  std::unique_ptr<heif_image, ImageDeleter> decoded(raw);
  const int width = heif_image_get_width(raw, heif_channel_interleaved);
  const int height = heif_image_get_height(raw, heif_channel_interleaved);
  int stride = 0;
  const std::uint8_t* plane = heif_image_get_plane_readonly(raw, heif_channel_interleaved, &stride);
  if (!plane || width <= 0 || height <= 0) return core::fail(photo_unreadable("HEIF image has no pixels"));
  core::Image image(width, height);
  for (int y = 0; y < height; ++y) {
    std::memcpy(image.at(0, y), plane + static_cast<std::size_t>(y) * stride, static_cast<std::size_t>(width) * 4);
  }
  return image;
}

}  // namespace storyloom::faces
