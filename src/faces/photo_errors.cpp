#include "faces/photo_errors.hpp"
#include <fmt/format.h>

namespace storyloom::faces {

using core::ErrorKind;

core::Error photo_too_large(std::size_t bytes, std::size_t limit) {
  return core::Error{ErrorKind::too_large, "photo_too_large",
                     fmt::format("This photo is too big to upload ({:.1f} MB); the limit is {:.0f} MB.",
                                 static_cast<double>(bytes) / 1048576.0, static_cast<double>(limit) / 1048576.0),
                     {{"bytes", bytes}, {"max_bytes", limit},
                      {"hint", "Send a smaller copy of the photo, for example the one your phone shares by message."}}};
}

core::Error photo_unsupported_type() {
  return core::Error{ErrorKind::unsupported, "photo_unsupported_type",
                     "This file is not a photo we can read. Please use a JPEG, PNG, WebP or HEIC photo.",
                     {{"accepted", {"jpeg", "png", "webp", "heic"}}}};
}

core::Error photo_dimensions_too_large(int width, int height, double max_mp, int max_side) {
  return core::Error{ErrorKind::unprocessable, "photo_dimensions_too_large",
                     fmt::format("This picture is far too large ({} x {} pixels) to be a normal photo.", width, height),
                     {{"width", width}, {"height", height}, {"max_megapixels", max_mp}, {"max_side_px", max_side},
                      {"hint", "Send the photo as your camera or phone took it."}}};
}

core::Error photo_unreadable(std::string_view why) {
  return core::Error{ErrorKind::unprocessable, "photo_unreadable",
                     "We could not open this photo; the file seems damaged or incomplete.",
                     {{"reason", std::string(why)}, {"hint", "Try sending the photo again, or pick another one."}}};
}

}  // namespace storyloom::faces
