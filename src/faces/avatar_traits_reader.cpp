#include "faces/avatar_traits_reader.hpp"
#include <algorithm>

#include <cmath>

#include "faces/colour_sampling.hpp"
#include "faces/face_cutout_maker.hpp"
#include "faces/face_frame.hpp"

namespace storyloom::faces {
namespace {

// Exposure penalty: a colour read from a nearly black or blown-out patch says little.
double exposure_trust(core::Rgba c) {
  const double l = luma(c);
  return std::clamp(std::min((l - 0.08) / 0.15, (0.97 - l) / 0.1), 0.0, 1.0);
}

core::Trait skin_tone(const core::Image& photo, const FaceFinding& face, const FaceFrame& frame) {
  const auto& p = frame.aligned;
  const double r = 0.07 * frame.face_width;
  std::vector<core::Rgba> left, right;
  collect_disc(photo, frame, {(p[31].x + p[2].x) / 2, (p[31].y + p[2].y) / 2}, r, left);
  collect_disc(photo, frame, {(p[35].x + p[14].x) / 2, (p[35].y + p[14].y) / 2}, r, right);
  const auto l = median_colour(left), rt = median_colour(right);
  if (!l || !rt) return {};
  const core::Rgba skin = sample_skin(photo, face);
  // Both cheeks alike and evenly lit -> trust; a shadowed side lowers it.
  const double agreement = std::clamp(1.0 - distance(*l, *rt) / 0.25, 0.0, 1.0);
  return {to_hex(skin), std::clamp(0.35 + 0.6 * agreement * exposure_trust(skin), 0.0, 0.95)};
}

// Hair sits above the estimated hairline; the band spans the eyes' width.
core::Trait hair_colour(const core::Image& photo, const FaceFrame& frame, core::Rgba skin) {
  const double w = frame.face_width, top = frame.forehead_top_y;
  std::vector<core::Rgba> band;
  const double coverage = collect_rect(photo, frame, -0.3 * w, top - 0.22 * w, 0.3 * w, top - 0.04 * w, band);
  const auto hair = median_colour(band);
  if (!hair || coverage < 0.6) return {};
  const double unlike_skin = std::clamp(distance(*hair, skin) / 0.2, 0.0, 1.0);  // bald or hat-less forehead
  const double uniform = std::clamp(1.0 - spread(band, *hair) / 0.25, 0.0, 1.0);  // background shows through
  return {to_hex(*hair), std::clamp(coverage * (0.2 + 0.7 * unlike_skin * uniform) * exposure_trust(*hair), 0.0, 0.9)};
}

// The iris: the ring inside each eye's outline, leaving out the pupil's dark centre and the
// white of the eye. Only read when the eyes are big and open enough.
core::Trait eye_colour(const core::Image& photo, const FaceFinding& face, const FaceFrame& frame) {
  std::vector<core::Rgba> iris;
  double openness = 1e9, eye_width = 1e9;
  for (int first : {36, 42}) {
    const auto& p = frame.aligned;
    const double width = std::hypot(p[first + 3].x - p[first].x, p[first + 3].y - p[first].y);
    const double height = (std::abs(p[first + 5].y - p[first + 1].y) + std::abs(p[first + 4].y - p[first + 2].y)) / 2;
    eye_width = std::min(eye_width, width);
    openness = std::min(openness, height / std::max(1.0, width));
    const core::PointF centre = frame.to_frame(face.mean_of(first, first + 6));
    std::vector<core::Rgba> disc;
    collect_disc(photo, frame, centre, 0.22 * width, disc);
    for (const auto& c : disc)
      if (luma(c) > 0.12 && luma(c) < 0.75) iris.push_back(c);
  }
  const auto colour = median_colour(iris);
  if (!colour || eye_width < 14 || openness < 0.22) return {};
  const double size_trust = std::clamp((eye_width - 14) / 20, 0.0, 1.0);
  return {to_hex(*colour), std::clamp(0.3 + 0.4 * size_trust * exposure_trust(*colour), 0.0, 0.7)};
}

// Proportions of the jaw outline. The forehead is estimated, so this is a soft reading.
core::Trait face_shape(const FaceFrame& frame) {
  const auto& p = frame.aligned;
  const double width = frame.face_width;
  const double jaw = std::hypot(p[12].x - p[4].x, p[12].y - p[4].y) / width;   // lower jaw vs. cheekbones
  const double length = (frame.chin_y - frame.forehead_top_y) / width;          // face length vs. width
  const double chin = std::hypot(p[10].x - p[6].x, p[10].y - p[6].y) / width;   // chin breadth
  std::string shape = "oval";
  double margin = 0;
  if (length > 1.5) shape = "long", margin = length - 1.5;
  else if (chin < 0.3 && jaw < 0.72) shape = "heart", margin = 0.3 - chin;
  else if (jaw > 0.82 && length < 1.3) shape = "square", margin = jaw - 0.82;
  else if (length < 1.2) shape = "round", margin = 1.2 - length;
  else margin = std::min({1.5 - length, length - 1.2, 0.82 - jaw});
  return {shape, std::clamp(0.3 + 2.0 * std::abs(margin), 0.3, 0.65)};
}

core::Trait or_neutral(core::Trait t, const std::string& neutral) {
  if (t.value.empty()) return {neutral, 0.0};
  return t;
}

}  // namespace

core::AvatarTraits neutral_traits(const NeutralTraits& n) {
  return {{n.skin_tone, 0.0}, {n.hair_colour, 0.0}, {n.eye_colour, 0.0}, {n.face_shape, 0.0}};
}

core::AvatarTraits read_avatar_traits(const core::Image& photo, const FaceFinding& face, const NeutralTraits& neutral) {
  const FaceFrame frame = FaceFrame::of(face);
  if (frame.face_width < 8) return neutral_traits(neutral);
  core::AvatarTraits t;
  t.skin_tone = or_neutral(skin_tone(photo, face, frame), neutral.skin_tone);
  const core::Rgba skin = sample_skin(photo, face);
  t.hair_colour = or_neutral(hair_colour(photo, frame, skin), neutral.hair_colour);
  t.eye_colour = or_neutral(eye_colour(photo, face, frame), neutral.eye_colour);
  t.face_shape = or_neutral(face_shape(frame), neutral.face_shape);
  return t;
}

}  // namespace storyloom::faces
