#include "app/pipeline/face_personalizer_port.hpp"

#include "art/encode.hpp"
#include "art/illustration_png.hpp"

namespace storyloom::app {

core::Result<books::Artwork> FacePersonalizerPort::personalize(const books::PersonalizeRequest& request) {
  auto base = art::decode_illustration(request.base_png);
  if (!base) return std::unexpected(base.error());
  auto page = art_.put_child_in(*base, request.style, request.photo_id);
  if (!page) return std::unexpected(page.error());
  auto png = art::encode_png(*page);
  if (!png) return std::unexpected(png.error());
  return books::Artwork{.png = std::string(png->begin(), png->end()), .provider = "face-compositor",
                        .version = STORYLOOM_VERSION, .parameters = {{"style", request.style}}};
}

}  // namespace storyloom::app
