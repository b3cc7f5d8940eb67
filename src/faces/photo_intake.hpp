// The faces module's public face: everything the HTTP layer, the CLI and the book pipeline call.
//
//   auto model = faces::FaceModel::shared();            // once per process (~1 s, ~100 MB)
//   faces::PhotoIntake intake(*model);                  // cheap; copyable; thread-safe
//   auto checked = intake.check(bytes);                 // 413/415/422 intake errors, 400 refusal
//   checked->jpeg                                       // normalized copy to store (no metadata)
//   intake.cut_out(*checked), intake.traits(*checked)   // for the personalizer / drawn heroes
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/face_cutout.hpp"
#include "faces/face_model.hpp"
#include "faces/face_rules.hpp"
#include "faces/face_verdict.hpp"
#include "faces/photo_format.hpp"
#include "faces/photo_limits.hpp"

namespace storyloom::faces {

struct CheckedPhoto {
  FaceVerdict verdict;
  std::string jpeg;          // normalized copy: upright, long side <= 2048, JPEG, no metadata; empty if refused
  int width = 0, height = 0; // of the normalized copy
  PhotoFormat format = PhotoFormat::unknown;  // of the upload
  core::Image image;         // the normalized pixels (what `jpeg` encodes)
  std::optional<FaceFinding> main_face;

  // {verdict, width, height, format}: what an API answer or the CLI's --json shows.
  nlohmann::json to_json() const;
};

class PhotoIntake {
 public:
  explicit PhotoIntake(std::shared_ptr<const FaceModel> model, PhotoLimits limits = {}, FaceRules rules = {});

  // Decodes safely and judges the photo. Fails with an intake error (photo_too_large,
  // photo_unsupported_type, photo_dimensions_too_large, photo_unreadable); otherwise returns
  // the verdict whether accepted or not (`jpeg` is filled only when accepted).
  core::Result<CheckedPhoto> examine(std::string_view bytes) const;

  // examine() plus the refusal as an error: 400 invalid_argument with the reason code and the
  // verdict in details. A value means the photo is accepted.
  core::Result<CheckedPhoto> check(std::string_view bytes) const;

  // The aligned face crop with its soft mask. REQUIRES an accepted photo (else the refusal error).
  core::Result<core::FaceCutout> cut_out(const CheckedPhoto& photo) const;
  // For a photo stored after it was accepted (e.g. the normalized JPEG, later, in a job): the
  // rules are not applied again, so a re-encoded photo near a threshold still gets its cut-out;
  // only a photo without any face is refused (photo_no_face).
  core::Result<core::FaceCutout> cut_out(std::string_view bytes) const;

  // Never fails: a trait that cannot be read has the neutral value and confidence 0.
  core::AvatarTraits traits(const CheckedPhoto& photo) const;
  core::AvatarTraits traits(std::string_view bytes) const;

  const PhotoLimits& limits() const { return limits_; }
  const FaceRules& rules() const { return rules_; }

 private:
  std::shared_ptr<const FaceModel> model_;
  PhotoLimits limits_;
  FaceRules rules_;
};

}  // namespace storyloom::faces
