#include "faces/face_verdict.hpp"

#include <cmath>

#include "faces/photo_quality.hpp"

namespace storyloom::faces {
namespace {

// The parents' words for each refusal. Kept in one table so the web app's copy and this stay in step.
VerdictReason reason_for(std::string_view code) {
  static const VerdictReason kReasons[] = {
      {"photo_no_face", "We couldn't find a face in this photo.",
       "Choose a photo where your child's face is clearly visible, looking at the camera."},
      {"photo_multiple_faces", "There is more than one face in this photo, so we don't know who the hero is.",
       "Choose a photo of your child alone, or crop it so only your child's face is in it."},
      {"photo_face_too_small", "Your child's face is too small in this photo to draw them in the book.",
       "Choose a photo taken closer, where the face fills more of the picture, or send the original full-size photo."},
      {"photo_face_tilted", "The face in this photo is turned on its side.",
       "Turn the photo upright, or choose one where your child holds their head straight."},
      {"photo_too_dark", "This photo is too dark to see your child's face well.",
       "Choose a photo taken in daylight or a bright room, without strong shadow on the face."},
      {"photo_blurry", "This photo is blurred, so your child's face would look smudged in the book.",
       "Choose a sharp photo: hold the phone still and tap on the face to focus."},
  };
  for (const auto& r : kReasons)
    if (r.code == code) return r;
  return {std::string(code), "This photo can't be used.", "Please choose another photo."};
}

// The largest face the detector is sure of; the largest of all when it is sure of none.
int main_face_index(const std::vector<FaceFinding>& faces, const FaceRules& rules) {
  int best = -1;
  for (std::size_t i = 0; i < faces.size(); ++i) {
    const bool sure = faces[i].score >= rules.min_score_other_faces;
    if (sure && (best < 0 || faces[i].size_px > faces[static_cast<std::size_t>(best)].size_px)) best = static_cast<int>(i);
  }
  return best >= 0 ? best : 0;
}

double confidence_from_score(double score) { return 1.0 / (1.0 + std::exp(-3.0 * score)); }

std::optional<std::string> refusal_code(const FaceVerdict& v, const std::vector<FaceFinding>& faces, const FaceRules& rules) {
  if (faces.empty()) {
    // No face found: when the whole photo is black or smeared that is the likelier cause, and
    // the more useful answer.
    if (v.highlight < rules.min_highlight) return "photo_too_dark";
    if (v.sharpness < rules.min_sharpness) return "photo_blurry";
    return "photo_no_face";
  }
  const double main_size = faces[static_cast<std::size_t>(v.main_face)].size_px;
  for (std::size_t i = 0; i < faces.size(); ++i) {
    if (static_cast<int>(i) == v.main_face || faces[i].score < rules.min_score_other_faces) continue;
    if (faces[i].size_px >= rules.comparable_face_ratio * main_size) return "photo_multiple_faces";
  }
  if (main_size < rules.min_face_px) return "photo_face_too_small";
  if (std::abs(v.roll_degrees) > rules.max_roll_degrees) return "photo_face_tilted";
  if (v.highlight < rules.min_highlight) return "photo_too_dark";
  if (v.sharpness < rules.min_sharpness) return "photo_blurry";
  return std::nullopt;
}

}  // namespace

FaceVerdict judge_faces(const std::vector<FaceFinding>& faces, const GrayPlane& photo, const FaceRules& rules) {
  FaceVerdict v;
  v.face_detected = !faces.empty();
  if (v.face_detected) {
    v.main_face = main_face_index(faces, rules);
    for (std::size_t i = 0; i < faces.size(); ++i)
      v.face_count += static_cast<int>(i) == v.main_face || faces[i].score >= rules.min_score_other_faces ? 1 : 0;
    const FaceFinding& main = faces[static_cast<std::size_t>(v.main_face)];
    v.confidence = confidence_from_score(main.score);
    v.face_box = main.box;
    v.face_size_px = main.size_px;
    v.face_area_percent = 100.0 * main.box.area() / std::max(1.0, static_cast<double>(photo.width) * photo.height);
    v.roll_degrees = main.roll_degrees();
    const FaceQuality q = measure_face_quality(photo, main.box);
    v.sharpness = q.sharpness;
    v.brightness = q.brightness;
    v.highlight = q.highlight;
  }
  if (!v.face_detected) {
    const FaceQuality whole = measure_face_quality(photo, FaceBox{0, 0, double(photo.width), double(photo.height)});
    v.sharpness = whole.sharpness;
    v.brightness = whole.brightness;
    v.highlight = whole.highlight;
  }
  if (auto code = refusal_code(v, faces, rules)) {
    v.reason = reason_for(*code);
  } else {
    v.accepted = true;
  }
  return v;
}

nlohmann::json to_json(const FaceVerdict& v) {
  auto round2 = [](double x) { return std::round(x * 100.0) / 100.0; };
  nlohmann::json j = {{"face_detected", v.face_detected}, {"face_count", v.face_count},
                      {"confidence", round2(v.confidence)}, {"face_area_percent", round2(v.face_area_percent)},
                      {"face_box", nullptr}, {"face_size_px", std::lround(v.face_size_px)},
                      {"roll_degrees", round2(v.roll_degrees)}, {"sharpness", round2(v.sharpness)},
                      {"brightness", round2(v.brightness)}, {"highlight", round2(v.highlight)}, {"accepted", v.accepted}, {"reason", nullptr}};
  if (v.face_box) {
    j["face_box"] = {{"x", std::lround(v.face_box->x)}, {"y", std::lround(v.face_box->y)},
                     {"width", std::lround(v.face_box->width)}, {"height", std::lround(v.face_box->height)}};
  }
  if (v.reason) j["reason"] = {{"code", v.reason->code}, {"message", v.reason->message}, {"hint", v.reason->hint}};
  return j;
}

core::Error refusal(const FaceVerdict& v) {
  const VerdictReason r = v.reason.value_or(reason_for("photo_no_face"));
  return core::Error{core::ErrorKind::invalid_argument, r.code, r.message, {{"verdict", to_json(v)}, {"hint", r.hint}}};
}

}  // namespace storyloom::faces
