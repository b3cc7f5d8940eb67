#include "app/pipeline/face_personalizer_port.hpp"

#include "art/encode.hpp"
#include "art/illustration_png.hpp"

namespace storyloom::app {

core::Result<books::Artwork> FacePersonalizerPort::personalize(const books::PersonalizeRequest& request) {
  auto page = art::decode_illustration(request.base_png);
  if (!page) return std::unexpected(page.error());
  if (auto placed = art_.put_child_in(*page, request.style, request.photo_id); !placed) {
    return std::unexpected(placed.error());
  }
  auto png = art::encode_png(page->image);
  if (!png) return std::unexpected(png.error());
  return books::Artwork{.png = std::string(png->begin(), png->end()), .provider = "face-compositor",
                        .version = STORYLOOM_VERSION, .parameters = {{"style", request.style}}};
}

}  // namespace storyloom::app
