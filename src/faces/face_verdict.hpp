// The answer to "will this photo make a good book?": what was found, how it measures, and when
// refused, why in a parent's words and what to do. Serialized as the API's and CLI's verdict JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "faces/face_finding.hpp"
#include "faces/face_rules.hpp"
#include "faces/gray_plane.hpp"

namespace storyloom::faces {

struct VerdictReason {
  std::string code;     // photo_no_face, photo_multiple_faces, photo_face_too_small, photo_face_tilted,
                        // photo_too_dark, photo_blurry
  std::string message;  // one sentence a parent understands
  std::string hint;     // what to do about it
};

struct FaceVerdict {
  bool face_detected = false;
  int face_count = 0;              // the main face + other faces the detector is sure of, however small
  double confidence = 0;           // 0..1, of the main face (0.5 = the detector's threshold)
  double face_area_percent = 0;    // main face box, share of the photo
  std::optional<FaceBox> face_box; // main face, pixels of the normalized photo
  double face_size_px = 0;         // main face size, pixels of the normalized photo
  double roll_degrees = 0;         // eye line vs. horizontal, positive = clockwise
  double sharpness = 0;            // see photo_quality.hpp; of the whole photo when no face is found
  double brightness = 0;           // 0..1, mean of the face
  double highlight = 0;            // 0..1, the face's bright end (what the too-dark rule uses)
  bool accepted = false;
  std::optional<VerdictReason> reason;  // set exactly when !accepted
  int main_face = -1;              // index into the findings judged; -1 when none
};

// Applies the rules to the faces found in an upright photo (largest first, as find_faces returns).
FaceVerdict judge_faces(const std::vector<FaceFinding>& faces, const GrayPlane& photo, const FaceRules& rules);

nlohmann::json to_json(const FaceVerdict& verdict);

// The refusal as it leaves the API: 400 invalid_argument, code = reason code, the parent's
// sentence as message, {"verdict": ..., "hint": ...} as details. REQUIRES: !verdict.accepted.
core::Error refusal(const FaceVerdict& verdict);

}  // namespace storyloom::faces
