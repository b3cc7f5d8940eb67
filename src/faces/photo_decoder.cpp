#include "faces/photo_decoder.hpp"

#include "faces/codecs.hpp"
#include "faces/exif_orientation.hpp"
#include "faces/image_ops.hpp"
#include "faces/photo_errors.hpp"

namespace storyloom::faces {
namespace {

core::Result<ImageHeader> probe(std::string_view bytes, PhotoFormat format) {
  switch (format) {
    case PhotoFormat::jpeg: return probe_jpeg(bytes);
    case PhotoFormat::png: return probe_png(bytes);
    case PhotoFormat::webp: return probe_webp(bytes);
    case PhotoFormat::heif: return probe_heif(bytes);
    case PhotoFormat::unknown: break;
  }
  return core::fail(photo_unsupported_type());
}

core::Result<core::Image> decode_pixels(std::string_view bytes, PhotoFormat format, int min_long_side) {
  switch (format) {
    case PhotoFormat::jpeg: return decode_jpeg(bytes, min_long_side);
    case PhotoFormat::png: return decode_png(bytes);
    case PhotoFormat::webp: return decode_webp(bytes);
    case PhotoFormat::heif: return decode_heif(bytes);
    case PhotoFormat::unknown: break;
  }
  return core::fail(photo_unsupported_type());
}

// JPEG can shrink by n/8 while decoding, almost for free. Taking the step that lands within 10%
// under the normalized size (a 4032 px photo decodes at 1/2 = 2016 px) skips a full resampling pass.
constexpr double kJpegScaleSlack = 0.9;

bool exceeds(const ImageHeader& h, const PhotoLimits& limits) {
  const double megapixels = static_cast<double>(h.width) * h.height / 1e6;
  return megapixels > limits.max_megapixels || h.width > limits.max_side_px || h.height > limits.max_side_px;
}

}  // namespace

core::Result<DecodedPhoto> inspect_photo(std::string_view bytes, const PhotoLimits& limits) {
  if (bytes.size() > limits.max_bytes) return core::fail(photo_too_large(bytes.size(), limits.max_bytes));
  DecodedPhoto photo;
  photo.format = sniff_photo_format(bytes);
  if (photo.format == PhotoFormat::unknown) return core::fail(photo_unsupported_type());
  auto header = probe(bytes, photo.format);
  if (!header) {
    if (header.error().code == "photo_dimensions_too_large") {
      return core::fail(photo_dimensions_too_large(0, 0, limits.max_megapixels, limits.max_side_px));
    }
    return core::fail(header.error());
  }
  if (exceeds(*header, limits)) {
    return core::fail(photo_dimensions_too_large(header->width, header->height, limits.max_megapixels, limits.max_side_px));
  }
  photo.stored_width = header->width;
  photo.stored_height = header->height;
  return photo;
}

core::Result<DecodedPhoto> decode_photo(std::string_view bytes, const PhotoLimits& limits) {
  auto photo = inspect_photo(bytes, limits);
  if (!photo) return photo;
  const int min_long_side = static_cast<int>(limits.normalized_long_side_px * kJpegScaleSlack);
  auto pixels = decode_pixels(bytes, photo->format, min_long_side);
  if (!pixels) return core::fail(pixels.error());
  if (photo->format != PhotoFormat::heif) photo->exif_orientation = read_exif_orientation(bytes, photo->format);
  core::Image upright = apply_exif_orientation(*pixels, photo->exif_orientation);
  flatten_on_white(upright);
  photo->image = fit_within(upright, limits.normalized_long_side_px);
  return photo;
}

}  // namespace storyloom::faces
