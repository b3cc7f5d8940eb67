#include "art/page_layout.hpp"

#include <algorithm>
#include <cmath>

namespace storyloom::art {
namespace {

core::PointF light_for(const std::string& time_of_day, bool mirrored) {
  core::PointF p{0.74, 0.17};
  if (time_of_day == "morning") p = {0.24, 0.27};
  if (time_of_day == "sunset") p = {0.68, 0.44};
  if (time_of_day == "night") p = {0.8, 0.14};
  if (mirrored) p.x = 1.0 - p.x;
  return p;
}

// Moves the hero so the whole head (with hair) sits inside the safe area.
void keep_head_safe(const Pose& pose, HeroFrame& frame, double w, double h) {
  for (int pass = 0; pass < 2; ++pass) {
    const HeroPlacement head = locate_hero(pose, frame).head;
    const double r = head.head_radius * 1.25;
    const double lo_x = w * kSafeMargin + r, hi_x = w * (1 - kSafeMargin) - r;
    const double lo_y = h * kSafeMargin + r, hi_y = h * (1 - kSafeMargin) - r;
    frame.x += std::clamp(head.head_centre.x, lo_x, hi_x) - head.head_centre.x;
    frame.feet_y += std::clamp(head.head_centre.y, lo_y, hi_y) - head.head_centre.y;
  }
}

// How far (px) the hero's head, hair included, reaches into the page's text panel; <= 0: clear.
double head_in_text(const LayoutInputs& in, const HeroFrame& f) {
  if (in.text_band <= 0) return 0;
  const HeroPlacement head = locate_hero(in.pose, f).head;
  const double r = head.head_radius * 1.25, gap = in.height * 0.015;
  return in.text_on_top ? in.height * in.text_band + gap - (head.head_centre.y - r)
                        : head.head_centre.y + r - (in.height * (1 - in.text_band) - gap);
}

// How far (px) a standing hero's upper body, head to hips, reaches into a bottom text panel.
// Half the figure's height was not enough: the head is a third of it, so "the upper half" was a
// head and shoulders peeking over the text on every bottom-panel page of a book.
double body_in_text(const LayoutInputs& in, const HeroFrame& f) {
  if (in.text_band <= 0 || in.text_on_top) return 0;
  return locate_hero(in.pose, f).hips.y - (in.height * (1 - in.text_band) - in.height * 0.015);
}

// Keeps the face out of the text panel. A floating hero moves away from it. A hero standing
// below a top panel steps forward (cut at the knees only in a close-up), then shrinks; one
// standing behind a bottom panel grows until it is a waist-up picture (the panel hides the legs;
// head, arms and body stay in view), then steps back up the ground.
void keep_head_out_of_text(const LayoutInputs& in, bool grounded, HeroFrame& f) {
  const auto overlap = [&](const HeroFrame& g) { return std::max(head_in_text(in, g), grounded ? body_in_text(in, g) : 0.0); };
  if (overlap(f) <= 0) return;
  if (!grounded) {
    f.feet_y += in.text_on_top ? overlap(f) : -overlap(f);
    return;
  }
  if (in.text_on_top) {
    const double lowest = in.close ? in.height + 0.25 * f.height : in.height * 0.97;
    f.feet_y += std::clamp(lowest - f.feet_y, 0.0, overlap(f));
    const double smallest = in.height * 0.18;
    while (overlap(f) > 0 && f.height * 0.97 >= smallest) f.height *= 0.97;  // keeps the feet where they are
    return;
  }
  const auto head_top = [&](const HeroFrame& g) {
    const HeroPlacement head = locate_hero(in.pose, g).head;
    return head.head_centre.y - head.head_radius * 1.25;
  };
  const double tallest = in.height * 0.8;
  for (HeroFrame taller = f; overlap(f) > 0; f = taller) {
    taller.height *= 1.03;
    if (taller.height > tallest || head_top(taller) < in.height * kSafeMargin) break;
  }
  if (const double left = overlap(f); left > 0) f.feet_y -= left;
  // A panel so tall that the head, stepped up, left the safe area: smaller, still waist-up.
  while (head_top(f) < in.height * kSafeMargin && f.height * 0.97 >= in.height * 0.18) {
    f.height *= 0.97;
    if (const double left = overlap(f); left > 0) f.feet_y -= left;
  }
}

// A sleeping hero lies on the setting's bed, body centred on its rest point.
HeroFrame place_sleeper(const LayoutInputs& in, bool mirrored) {
  HeroFrame f;
  f.height = in.height * std::min(in.framing, 0.3);
  f.x = in.width * (mirrored ? 1.0 - in.setting.rest[0] : in.setting.rest[0]);
  f.flip = mirrored;
  f.feet_y = in.height * in.setting.rest[1] + (0.5 + in.pose.lift) * f.height;
  keep_head_out_of_text(in, false, f);
  keep_head_safe(in.pose, f, in.width, in.height);
  return f;
}

HeroFrame place_hero(const LayoutInputs& in, SeededRandom& rng) {
  const double w = in.width, h = in.height;
  static constexpr double kSlots[] = {0.3, 0.5, 0.7};
  HeroFrame f;
  const bool floating = in.pose.airborne || (in.setting.underwater && in.pose.rotate != 0);
  // A whole flying, swimming or lying body must fit across the page: never drawn close up.
  const bool horizontal = floating || std::abs(in.pose.rotate) > 45;
  f.height = h * (horizontal ? std::min(in.framing, 0.45) : in.framing) * rng.between(0.95, 1.05);
  const double slot = kSlots[rng.below(3)] + rng.between(-0.04, 0.04);
  f.x = w * (in.close && !horizontal ? 0.5 + (slot - 0.5) * 0.5 : slot);
  f.flip = slot > 0.55 || (slot > 0.45 && rng.uniform() < 0.5);  // face into the page
  if (floating) {
    f.feet_y = h * rng.between(0.42, 0.52) + 0.5 * f.height;  // body centre mid-page
  } else {
    f.feet_y = h * (in.setting.ground_y + rng.between(-0.015, 0.015));
    if (in.close && !horizontal) f.feet_y = std::max(f.feet_y, h * 0.14 + 0.98 * f.height);
  }
  keep_head_safe(in.pose, f, w, h);
  keep_head_out_of_text(in, !floating, f);
  keep_head_safe(in.pose, f, w, h);
  return f;
}

PlacedPicture place_companion(const LayoutInputs& in, const HeroFrame& hero, SeededRandom& rng) {
  const double w = in.width, h = in.height;
  PlacedPicture c;
  c.asset = in.companion->asset;
  c.height = hero.height * in.companion->scale * (in.close ? 0.7 : 1.0);
  const double gap = hero.height * 0.22 + c.height * 0.5;
  const bool right_side = hero.x < w * 0.5 ? true : (hero.x > w * 0.5 ? false : rng.uniform() < 0.5);
  c.x = std::clamp(hero.x + (right_side ? gap : -gap), w * 0.12, w * 0.88);
  const bool airborne = in.companion->airborne;
  const double ground = in.close ? h * 0.97 : h * (in.setting.ground_y + 0.02);
  c.bottom = airborne ? std::min(ground, hero.feet_y - hero.height * 0.55) : std::max(ground, hero.feet_y);
  if (in.pose.airborne && airborne) c.bottom = hero.feet_y - hero.height * 0.2;
  c.bottom = std::min(c.bottom, h * 1.02);
  const bool hero_on_left = hero.x < c.x;
  c.flip = in.companion->faces_left != hero_on_left;  // turn towards the hero
  return c;
}

// Props stand at the setting's anchors farthest from the hero, sized by how low (near) they are.
std::vector<PlacedPicture> place_props(const LayoutInputs& in, const HeroFrame& hero, std::size_t first) {
  std::vector<core::PointF> anchors = in.setting.anchors;
  std::ranges::sort(anchors, [&](auto a, auto b) {
    return std::abs(a.x * in.width - hero.x) > std::abs(b.x * in.width - hero.x);
  });
  std::vector<PlacedPicture> out;
  for (std::size_t i = first, k = 0; i < in.prop_assets.size() && k < anchors.size(); ++i, ++k) {
    const double height = in.height * (0.1 + 0.08 * anchors[k].y);
    out.push_back({in.prop_assets[i], anchors[k].x * in.width, anchors[k].y * in.height, height, false});
  }
  return out;
}

}  // namespace

PageLayout plan_page(const LayoutInputs& in, SeededRandom rng) {
  PageLayout page;
  page.mirrored = rng.uniform() < 0.5;
  page.light = light_for(in.time_of_day, page.mirrored);
  const bool in_bed = in.pose.eyes_closed && in.setting.rest.size() == 2;
  page.hero = in_bed ? place_sleeper(in, page.mirrored) : place_hero(in, rng);
  if (in.companion) page.companion = place_companion(in, page.hero, rng);
  std::size_t first_standing = 0;
  if (!in.pose.hold.empty() && !in.prop_assets.empty()) {
    const HeroPoints points = locate_hero(in.pose, page.hero);
    const core::PointF hand = in.pose.hold == "left" ? points.left_hand : points.right_hand;
    const double height = page.hero.height * 0.2;
    page.held_prop = PlacedPicture{in.prop_assets[0], hand.x, hand.y + height * 0.45, height, false};
    first_standing = 1;
  }
  page.props = place_props(in, page.hero, first_standing);
  return page;
}

}  // namespace storyloom::art
