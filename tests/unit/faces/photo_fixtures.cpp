#include "photo_fixtures.hpp"

#include <libheif/heif.h>
#include <webp/encode.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "core/jpeg.hpp"
#include "faces/codecs.hpp"
#include "faces/image_ops.hpp"
#include "faces/photo_decoder.hpp"

namespace storyloom::faces::testing {
namespace {

void append_be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void append_chunk(std::string& out, const std::string& type, const std::string& data) {
  append_be32(out, static_cast<std::uint32_t>(data.size()));
  const std::string body = type + data;
  out += body;
  append_be32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

heif_image* to_heif_image(const core::Image& image) {
  heif_image* img = nullptr;
  heif_image_create(image.width, image.height, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &img);
  heif_image_add_plane(img, heif_channel_interleaved, image.width, image.height, 8);
  int stride = 0;
  std::uint8_t* plane = heif_image_get_plane(img, heif_channel_interleaved, &stride);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) std::memcpy(plane + y * stride + x * 3, image.at(x, y), 3);
  return img;
}

heif_error write_to_string(heif_context*, const void* data, size_t size, void* userdata) {
  static_cast<std::string*>(userdata)->append(static_cast<const char*>(data), size);
  return heif_error{heif_error_Ok, heif_suberror_Unspecified, "ok"};
}

}  // namespace

// tests/data, or $STORYLOOM_TESTDATA_DIR when set.
std::string shared_photo_path(const std::string& name) {
  const char* dir = std::getenv("STORYLOOM_TESTDATA_DIR");
  return std::string(dir && *dir ? dir : STORYLOOM_TESTDATA_DIR) + "/photos/" + name;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

core::Image load_shared(const std::string& name) {
  auto photo = decode_photo(read_file(shared_photo_path(name)), PhotoLimits{});
  if (!photo) throw std::runtime_error("cannot decode " + name + ": " + photo.error().code);
  return photo->image;
}

const PhotoIntake& intake() {
  static const PhotoIntake instance = [] {
    auto model = FaceModel::shared();
    if (!model) throw std::runtime_error("landmark model: " + model.error().message);
    return PhotoIntake(*model);
  }();
  return instance;
}

std::string as_jpeg(const core::Image& image, int quality) { return core::encode_jpeg(image, {.quality = quality}).value(); }

std::string as_webp(const core::Image& image) {
  std::uint8_t* out = nullptr;
  const std::size_t size = WebPEncodeRGBA(image.pixels.data(), image.width, image.height, image.width * 4, 90, &out);
  std::string bytes(reinterpret_cast<const char*>(out), size);
  WebPFree(out);
  return bytes;
}

std::string as_heic(const core::Image& image, bool stored_sideways) {
  const core::Image stored = stored_sideways ? apply_exif_orientation(image, 8) : image;  // 90 deg CCW
  heif_context* ctx = heif_context_alloc();
  heif_encoder* encoder = nullptr;
  if (heif_context_get_encoder_for_format(ctx, heif_compression_HEVC, &encoder).code != heif_error_Ok) {
    heif_context_free(ctx);
    throw std::runtime_error("libheif has no HEVC encoder");
  }
  heif_encoder_set_lossy_quality(encoder, 85);
  heif_image* img = to_heif_image(stored);
  heif_encoding_options* options = heif_encoding_options_alloc();
  if (stored_sideways) options->image_orientation = heif_orientation_rotate_90_cw;
  const heif_error err = heif_context_encode_image(ctx, img, encoder, options, nullptr);
  heif_encoding_options_free(options);
  heif_image_release(img);
  heif_encoder_release(encoder);
  std::string bytes;
  heif_writer writer{1, write_to_string};
  if (err.code == heif_error_Ok) heif_context_write(ctx, &writer, &bytes);
  heif_context_free(ctx);
  if (bytes.empty()) throw std::runtime_error(std::string("HEIC encoding failed: ") + err.message);
  return bytes;
}

core::Image darkened(core::Image image, double factor) {
  for (std::size_t i = 0; i < image.pixels.size(); i += 4)
    for (int c = 0; c < 3; ++c) image.pixels[i + c] = static_cast<std::uint8_t>(image.pixels[i + c] * factor);
  return image;
}

core::Image blurred(core::Image image, int radius) {
  blur(image, radius);
  return image;
}

core::Image shrunk(const core::Image& image, double factor) {
  return resize(image, static_cast<int>(image.width * factor), static_cast<int>(image.height * factor));
}

void paste(core::Image& canvas, const core::Image& image, int x, int y) {
  for (int j = 0; j < image.height && y + j < canvas.height; ++j)
    for (int i = 0; i < image.width && x + i < canvas.width; ++i) std::memcpy(canvas.at(x + i, y + j), image.at(i, j), 4);
}

core::Image on_canvas(const core::Image& image, int width, int height, int x, int y, core::Rgba fill) {
  core::Image canvas(width, height, fill);
  paste(canvas, image, x, y);
  return canvas;
}

std::string as_png(const core::Image& image, int exif_orientation) {
  std::string png("\x89PNG\r\n\x1A\n", 8);
  std::string ihdr;
  append_be32(ihdr, static_cast<std::uint32_t>(image.width));
  append_be32(ihdr, static_cast<std::uint32_t>(image.height));
  ihdr += std::string("\x08\x06\x00\x00\x00", 5);  // 8-bit RGBA
  append_chunk(png, "IHDR", ihdr);
  if (exif_orientation != 0) {
    // Big-endian TIFF: header, one IFD with one entry (0x0112 Orientation, SHORT, 1, value), no next IFD.
    std::string tiff("MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01", 18);
    tiff += static_cast<char>(0), tiff += static_cast<char>(exif_orientation), tiff += std::string(2, '\0');
    tiff += std::string(4, '\0');
    append_chunk(png, "eXIf", tiff);
  }
  std::string rows;
  for (int y = 0; y < image.height; ++y) {
    rows.push_back('\0');  // filter: none
    rows.append(reinterpret_cast<const char*>(image.at(0, y)), static_cast<std::size_t>(image.width) * 4);
  }
  uLongf packed_size = compressBound(static_cast<uLong>(rows.size()));
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(rows.data()),
            static_cast<uLong>(rows.size()), 6);
  packed.resize(packed_size);
  append_chunk(png, "IDAT", packed);
  append_chunk(png, "IEND", "");
  return png;
}

std::string png_bomb(int width, int height) {
  std::string png("\x89PNG\r\n\x1A\n", 8);
  std::string ihdr;
  append_be32(ihdr, static_cast<std::uint32_t>(width));
  append_be32(ihdr, static_cast<std::uint32_t>(height));
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no filter, no interlace
  append_chunk(png, "IHDR", ihdr);
  // Enough zero rows to make the point (~1000 rows of 60 KB inflate from a few dozen KB).
  const std::string raw(static_cast<std::size_t>(width) * 3 + 1, '\0');
  std::string rows;
  for (int i = 0; i < 1000; ++i) rows += raw;
  uLongf packed_size = compressBound(static_cast<uLong>(rows.size()));
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(rows.data()),
            static_cast<uLong>(rows.size()), 9);
  packed.resize(packed_size);
  append_chunk(png, "IDAT", packed);
  append_chunk(png, "IEND", "");
  return png;
}

std::string jpeg_claiming(int width, int height) {
  std::string jpeg = as_jpeg(core::Image(64, 48, {200, 150, 120, 255}));
  const auto sof = jpeg.find("\xFF\xC0");
  if (sof == std::string::npos) throw std::runtime_error("no SOF0 marker");
  jpeg[sof + 5] = static_cast<char>(height >> 8), jpeg[sof + 6] = static_cast<char>(height & 0xFF);
  jpeg[sof + 7] = static_cast<char>(width >> 8), jpeg[sof + 8] = static_cast<char>(width & 0xFF);
  return jpeg;
}

}  // namespace storyloom::faces::testing
