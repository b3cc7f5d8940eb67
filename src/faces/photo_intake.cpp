#include "faces/photo_intake.hpp"

#include "core/jpeg.hpp"
#include "faces/avatar_traits_reader.hpp"
#include "faces/codecs.hpp"
#include "faces/face_cutout_maker.hpp"
#include "faces/face_finder.hpp"
#include "faces/image_ops.hpp"
#include "faces/photo_decoder.hpp"

namespace storyloom::faces {

nlohmann::json CheckedPhoto::to_json() const {
  return {{"verdict", faces::to_json(verdict)}, {"width", width}, {"height", height}, {"format", to_string(format)}};
}

PhotoIntake::PhotoIntake(std::shared_ptr<const FaceModel> model, PhotoLimits limits, FaceRules rules)
    : model_(std::move(model)), limits_(limits), rules_(rules) {}

core::Result<CheckedPhoto> PhotoIntake::examine(std::string_view bytes) const {
  auto decoded = decode_photo(bytes, limits_);
  if (!decoded) return core::fail(decoded.error());
  if (!model_) {
    return core::fail(core::ErrorKind::unavailable, "face_model_unavailable", "Face detection is not available.");
  }
  CheckedPhoto photo;
  photo.format = decoded->format;
  photo.image = std::move(decoded->image);
  photo.width = photo.image.width;
  photo.height = photo.image.height;
  const GrayPlane gray = to_gray(photo.image);
  const std::vector<FaceFinding> faces = find_faces(*model_, photo.image, gray, rules_);
  photo.verdict = judge_faces(faces, gray, rules_);
  if (photo.verdict.main_face >= 0) photo.main_face = faces[static_cast<std::size_t>(photo.verdict.main_face)];
  if (photo.verdict.accepted) {
    // No metadata survives (core::encode_jpeg writes JFIF only); a see-through photo lands on white.
    auto jpeg = core::encode_jpeg(photo.image, {.quality = limits_.normalized_jpeg_quality, .optimize_coding = true});
    if (!jpeg) return core::fail(jpeg.error());
    photo.jpeg = std::move(*jpeg);
  }
  return photo;
}

core::Result<CheckedPhoto> PhotoIntake::check(std::string_view bytes) const {
  auto photo = examine(bytes);
  if (photo && !photo->verdict.accepted) return core::fail(refusal(photo->verdict));
  return photo;
}

core::Result<core::FaceCutout> PhotoIntake::cut_out(const CheckedPhoto& photo) const {
  if (!photo.verdict.accepted || !photo.main_face) return core::fail(refusal(photo.verdict));
  return cut_out_face(photo.image, *photo.main_face);
}

core::Result<core::FaceCutout> PhotoIntake::cut_out(std::string_view bytes) const {
  auto photo = examine(bytes);
  if (!photo) return core::fail(photo.error());
  if (!photo->main_face) return core::fail(refusal(photo->verdict));
  return cut_out_face(photo->image, *photo->main_face);
}

core::AvatarTraits PhotoIntake::traits(const CheckedPhoto& photo) const {
  if (!photo.main_face) return neutral_traits();
  return read_avatar_traits(photo.image, *photo.main_face);
}

core::AvatarTraits PhotoIntake::traits(std::string_view bytes) const {
  auto photo = examine(bytes);
  if (!photo) return neutral_traits();
  return traits(*photo);
}

}  // namespace storyloom::faces
