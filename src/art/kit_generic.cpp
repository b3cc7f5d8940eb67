// The generic kit's own sections: hero poses, moods, companions and framing sizes.
#include "art/kit_fields.hpp"

#include <fmt/format.h>
#include "art/scene_kit.hpp"

namespace storyloom::art {
namespace {

Limb read_limb(const KitObject& pose, const std::string& key) {
  auto v = pose.numbers_or(key, 2);
  if (v.empty()) return {};
  return {v[0], v[1]};
}

Pose read_pose(const KitObject& obj) {
  Pose p;
  p.arm_left = read_limb(obj, "arm_left");
  p.arm_right = read_limb(obj, "arm_right");
  p.leg_left = read_limb(obj, "leg_left");
  p.leg_right = read_limb(obj, "leg_right");
  p.lean = obj.number_or("lean", 0, -45, 45);
  p.rotate = obj.number_or("rotate", 0, -180, 180);
  p.lift = obj.number_or("lift", 0, -0.5, 1);
  p.head_tilt = obj.number_or("head_tilt", 0, -45, 45);
  p.eyes_closed = obj.flag_or("eyes_closed", false);
  p.airborne = obj.flag_or("airborne", false);
  p.hold = obj.text_or("hold", "");
  if (!p.hold.empty() && p.hold != "left" && p.hold != "right") throw KitFieldError(obj.field("hold"), "must be \"left\" or \"right\"");
  obj.finish();
  return p;
}

Mood read_mood(const KitObject& obj) {
  Mood m;
  if (obj.has("tint")) m.tint = obj.colour("tint");
  m.vignette = obj.number_or("vignette", m.vignette, 0, 1);
  m.mouth = obj.text_or("mouth", m.mouth);
  static const std::set<std::string> mouths{"smile", "grin", "o", "flat", "soft"};
  if (!mouths.contains(m.mouth)) throw KitFieldError(obj.field("mouth"), fmt::format("unknown mouth '{}'", m.mouth));
  m.brows = obj.number_or("brows", 0, -30, 30);
  m.sparkles = obj.flag_or("sparkles", false);
  obj.finish();
  return m;
}

Companion read_companion(const KitObject& obj, const std::filesystem::path& art_dir) {
  Companion c;
  c.asset = obj.text("asset");
  check_asset_file(art_dir, obj.field("asset"), c.asset);
  c.scale = obj.number_or("scale", c.scale, 0.1, 1.5);
  c.airborne = obj.flag_or("airborne", false);
  c.faces_left = obj.flag_or("faces_left", true);
  obj.finish();
  return c;
}

}  // namespace

void read_generic_parts(const KitObject& obj, GenericKit& kit, const std::filesystem::path& art_dir) {
  KitObject poses = obj.object("poses");
  for (const auto& id : poses.raw_keys()) kit.poses[id] = read_pose(poses.object(id));
  KitObject moods = obj.object("moods");
  for (const auto& id : moods.raw_keys()) kit.moods[id] = read_mood(moods.object(id));
  KitObject companions = obj.object("companions");
  for (const auto& id : companions.raw_keys()) kit.companions[id] = read_companion(companions.object(id), art_dir);
  KitObject framing = obj.object("framing");
  for (const auto& id : framing.raw_keys()) kit.framing[id] = framing.number(id, 0.1, 1.2);
  if (!kit.poses.contains("standing")) throw KitFieldError(poses.path(), "must define \"standing\" (the fallback pose)");
  if (!kit.moods.contains("joyful")) throw KitFieldError(moods.path(), "must define \"joyful\" (the fallback mood)");
  if (!kit.framing.contains("medium")) throw KitFieldError(framing.path(), "must define \"medium\" (the fallback framing)");
  framing.finish();
}

}  // namespace storyloom::art
