// A child's photo as Storyloom keeps it: only photos the faces module accepted are stored, as
// the normalized JPEG (upright, long side <= 2048 px, no metadata) at photo_blob_key(id).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/face_cutout.hpp"

namespace storyloom::photos {

struct Photo {
  std::string id;        // core::new_id("ph")
  std::string owner_id;  // user or guest
  std::string blob_key;  // photo_blob_key(id)
  int width = 0, height = 0;  // of the normalized copy
  std::string format;    // of the upload: jpeg, png, webp, heif
  nlohmann::json verdict;  // faces::to_json(FaceVerdict)
  nlohmann::json traits;   // traits_json(AvatarTraits)
  std::int64_t created_at = 0;
};

// "photos/<photo_id>.jpg". A contract: the book pipeline reads the normalized copy from here.
std::string photo_blob_key(std::string_view photo_id);

// {skin_tone: {value, confidence}, hair_colour: ..., eye_colour: ..., face_shape: ...}
nlohmann::json traits_json(const core::AvatarTraits& traits);

// {id, width, height, format, verdict, created_at}: what the API and the privacy export show
// (callers add a signed image_url). Traits stay internal: they are derived, not what was given.
nlohmann::json to_json(const Photo& photo);

}  // namespace storyloom::photos
