#include "photos/photo.hpp"

#include <fmt/format.h>

namespace storyloom::photos {
namespace {

nlohmann::json trait_json(const core::Trait& t) { return {{"value", t.value}, {"confidence", t.confidence}}; }

}  // namespace

std::string photo_blob_key(std::string_view photo_id) { return fmt::format("photos/{}.jpg", photo_id); }

nlohmann::json traits_json(const core::AvatarTraits& t) {
  return {{"skin_tone", trait_json(t.skin_tone)},
          {"hair_colour", trait_json(t.hair_colour)},
          {"eye_colour", trait_json(t.eye_colour)},
          {"face_shape", trait_json(t.face_shape)}};
}

nlohmann::json to_json(const Photo& p) {
  return {{"id", p.id},         {"width", p.width},     {"height", p.height},
          {"format", p.format}, {"verdict", p.verdict}, {"created_at", p.created_at}};
}

}  // namespace storyloom::photos
