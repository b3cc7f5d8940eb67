// Body of the drawn hero. Local units: 1 = standing height, origin between the feet, y down.
// Limb angles come from the generic kit's poses (0 = hanging down, positive = away from body).
#include "art/hero_figure.hpp"

#include <algorithm>
#include <cmath>

#include "art/colour.hpp"

namespace storyloom::art {
namespace {

constexpr double kOutline = 0.011;
constexpr double kHeadY = -0.815, kHeadR = 0.15;
constexpr double kShoulderY = -0.645, kHipY = -0.40;

struct Point {
  double x, y;
};

Point along(Point from, double degrees, double length, int side) {
  const double a = degrees * M_PI / 180.0;
  return {from.x + side * std::sin(a) * length, from.y + std::cos(a) * length};
}

// A limb as a thick rounded polyline with a darker outline underneath.
void limb(cairo_t* cr, std::initializer_list<Point> pts, double width, core::Rgba fill) {
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (int pass = 0; pass < 2; ++pass) {
    cairo_new_path(cr);
    for (const Point& p : pts) cairo_line_to(cr, p.x, p.y);  // the first line_to acts as move_to
    cairo_set_line_width(cr, pass == 0 ? width + 2 * kOutline : width);
    set_source(cr, pass == 0 ? darker(fill, 0.45) : fill);
    cairo_stroke(cr);
  }
}

void fill_outlined(cairo_t* cr, core::Rgba fill) {
  set_source(cr, fill);
  cairo_fill_preserve(cr);
  cairo_set_line_width(cr, kOutline * 1.6);
  set_source(cr, darker(fill, 0.45));
  cairo_stroke(cr);
}

void draw_leg(cairo_t* cr, int side, const Limb& l, const HeroColours& c) {
  const Point hip{side * 0.055, kHipY};
  const Point knee = along(hip, l.upper, 0.2, side), ankle = along(knee, l.lower, 0.19, side);
  limb(cr, {hip, knee, ankle}, 0.085, c.trousers);
  cairo_save(cr);
  cairo_translate(cr, ankle.x + side * 0.02, ankle.y + 0.012);
  cairo_rotate(cr, side * (l.lower * 0.6) * M_PI / 180.0);
  cairo_scale(cr, 0.058, 0.034);
  cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
  cairo_restore(cr);
  fill_outlined(cr, c.shoes);
}

void draw_arm(cairo_t* cr, int side, const Limb& l, const HeroColours& c) {
  const Point shoulder{side * 0.1, kShoulderY + 0.02};
  const Point elbow = along(shoulder, l.upper, 0.14, side), wrist = along(elbow, l.lower, 0.13, side);
  limb(cr, {elbow, wrist}, 0.052, c.skin);
  limb(cr, {shoulder, elbow, along(elbow, l.lower, 0.03, side)}, 0.068, c.outfit);
  cairo_arc(cr, wrist.x, wrist.y, 0.036, 0, 2 * M_PI);
  fill_outlined(cr, c.skin);
}

void draw_torso(cairo_t* cr, const HeroColours& c) {
  cairo_rectangle(cr, -0.1, kHipY - 0.04, 0.2, 0.09);  // hips in trouser colour
  fill_outlined(cr, c.trousers);
  cairo_move_to(cr, -0.03, kShoulderY - 0.04);  // neck
  cairo_line_to(cr, 0.03, kShoulderY - 0.04);
  cairo_line_to(cr, 0.03, kShoulderY + 0.02);
  cairo_line_to(cr, -0.03, kShoulderY + 0.02);
  cairo_close_path(cr);
  fill_outlined(cr, darker(c.skin, 0.08));
  cairo_move_to(cr, -0.085, kShoulderY);
  cairo_curve_to(cr, -0.12, kShoulderY + 0.0, -0.125, kShoulderY + 0.04, -0.12, kShoulderY + 0.08);
  cairo_line_to(cr, -0.115, kHipY + 0.02);
  cairo_curve_to(cr, -0.05, kHipY + 0.04, 0.05, kHipY + 0.04, 0.115, kHipY + 0.02);
  cairo_line_to(cr, 0.12, kShoulderY + 0.08);
  cairo_curve_to(cr, 0.125, kShoulderY + 0.04, 0.12, kShoulderY, 0.085, kShoulderY);
  cairo_curve_to(cr, 0.04, kShoulderY + 0.035, -0.04, kShoulderY + 0.035, -0.085, kShoulderY);
  cairo_close_path(cr);
  cairo_path_t* torso = cairo_copy_path(cr);
  fill_outlined(cr, c.outfit);
  cairo_save(cr);  // shade the far side of the shirt
  cairo_append_path(cr, torso);
  cairo_clip(cr);
  cairo_rectangle(cr, 0.05, kShoulderY - 0.05, 0.1, 0.4);
  set_source(cr, darker(c.outfit, 0.4), 0.2);
  cairo_fill(cr);
  cairo_restore(cr);
  cairo_path_destroy(torso);
  cairo_move_to(cr, -0.05, kShoulderY + 0.012);  // collar highlight
  cairo_curve_to(cr, -0.02, kShoulderY + 0.045, 0.02, kShoulderY + 0.045, 0.05, kShoulderY + 0.012);
  cairo_set_line_width(cr, 0.012);
  set_source(cr, lighter(c.outfit, 0.45));
  cairo_stroke(cr);
}

// A soft shade on the side away from the light: the shape minus itself shifted towards the light.
void shade(cairo_t* cr, void (*shape)(cairo_t*), double dx, double dy, core::Rgba base) {
  cairo_save(cr);
  shape(cr);
  cairo_clip(cr);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_rectangle(cr, -1, -2, 2, 3);
  cairo_translate(cr, dx, dy);
  shape(cr);
  set_source(cr, darker(base, 0.35), 0.22);
  cairo_fill(cr);
  cairo_restore(cr);
}

void head_shape(cairo_t* cr) {
  cairo_save(cr);
  cairo_scale(cr, 1.0, 1.04);
  cairo_arc(cr, 0, 0, kHeadR, 0, 2 * M_PI);
  cairo_restore(cr);
}

void draw_cape(cairo_t* cr, const HeroColours& c, const Pose& pose) {
  const double sway = pose.airborne ? 0.12 : 0.05;
  cairo_move_to(cr, -0.09, kShoulderY);
  cairo_curve_to(cr, -0.16, -0.45, -0.2 - sway, -0.25, -0.22 - sway, -0.12);
  cairo_curve_to(cr, -0.08, -0.09, 0.08, -0.09, 0.22 - sway * 0.3, -0.14);
  cairo_curve_to(cr, 0.19, -0.3, 0.16, -0.45, 0.09, kShoulderY);
  cairo_close_path(cr);
  fill_outlined(cr, c.accent);
}

void draw_scarf(cairo_t* cr, const HeroColours& c) {
  cairo_move_to(cr, 0.03, kShoulderY);  // the tails, then the band over them
  cairo_curve_to(cr, 0.04, kShoulderY + 0.05, 0.03, kShoulderY + 0.1, 0.045, kShoulderY + 0.13);
  cairo_line_to(cr, 0.085, kShoulderY + 0.12);
  cairo_curve_to(cr, 0.075, kShoulderY + 0.08, 0.08, kShoulderY + 0.04, 0.07, kShoulderY);
  cairo_close_path(cr);
  fill_outlined(cr, darker(c.accent, 0.1));
  cairo_move_to(cr, -0.075, kShoulderY - 0.035);
  cairo_curve_to(cr, -0.03, kShoulderY - 0.015, 0.03, kShoulderY - 0.015, 0.075, kShoulderY - 0.035);
  cairo_line_to(cr, 0.08, kShoulderY + 0.012);
  cairo_curve_to(cr, 0.03, kShoulderY + 0.035, -0.03, kShoulderY + 0.035, -0.08, kShoulderY + 0.012);
  cairo_close_path(cr);
  fill_outlined(cr, c.accent);
}

bool has_extra(const HeroColours& c, const char* name) {
  return std::ranges::find(c.extras, name) != c.extras.end();
}

void draw_head(cairo_t* cr, const Pose& pose, const Mood& mood, const HeroColours& c) {
  cairo_save(cr);
  cairo_translate(cr, 0, kHeadY);
  cairo_rotate(cr, pose.head_tilt * M_PI / 180.0);
  draw_hair_back(cr, kHeadR, c);
  for (int side : {-1, 1}) {
    cairo_arc(cr, side * kHeadR * 0.95, kHeadR * 0.12, kHeadR * 0.2, 0, 2 * M_PI);
    fill_outlined(cr, darker(c.skin, 0.04));
  }
  head_shape(cr);
  fill_outlined(cr, c.skin);
  shade(cr, head_shape, -kHeadR * 0.16, -kHeadR * 0.1, c.skin);
  draw_face(cr, kHeadR, mood, c, pose.eyes_closed);
  draw_hair_front(cr, kHeadR, c);
  cairo_restore(cr);
}

// Page transform of the body (legs) and of the upper body (torso, arms, head), as in draw_hero.
void body_matrices(const Pose& pose, const HeroFrame& frame, cairo_matrix_t& body, cairo_matrix_t& upper) {
  cairo_matrix_init_translate(&body, frame.x, frame.feet_y - pose.lift * frame.height);
  cairo_matrix_scale(&body, frame.flip ? -frame.height : frame.height, frame.height);
  cairo_matrix_translate(&body, 0, -0.5);  // whole-body rotation turns about the middle of the body
  cairo_matrix_rotate(&body, pose.rotate * M_PI / 180.0);
  cairo_matrix_translate(&body, 0, 0.5);
  upper = body;
  cairo_matrix_translate(&upper, 0, kHipY);  // the upper body leans about the hips
  cairo_matrix_rotate(&upper, pose.lean * M_PI / 180.0);
  cairo_matrix_translate(&upper, 0, -kHipY);
}

core::PointF hand(const cairo_matrix_t& upper, int side, const Limb& l) {
  const Point shoulder{side * 0.1, kShoulderY + 0.02};
  const Point wrist = along(along(shoulder, l.upper, 0.14, side), l.lower, 0.13, side);
  double x = wrist.x, y = wrist.y;
  cairo_matrix_transform_point(&upper, &x, &y);
  return {x, y};
}

}  // namespace

HeroPoints locate_hero(const Pose& pose, const HeroFrame& frame) {
  cairo_matrix_t body, upper;
  body_matrices(pose, frame, body, upper);
  double hx = 0, hy = kHeadY, rx = kHeadR, ry = 0;
  cairo_matrix_transform_point(&upper, &hx, &hy);
  cairo_matrix_transform_distance(&upper, &rx, &ry);
  const double tilt = pose.rotate + pose.lean + pose.head_tilt;
  double hips_x = 0, hips_y = kHipY;
  cairo_matrix_transform_point(&body, &hips_x, &hips_y);
  return {HeroPlacement{{hx, hy}, std::hypot(rx, ry), frame.flip ? -tilt : tilt},
          hand(upper, -1, pose.arm_left), hand(upper, 1, pose.arm_right), {hips_x, hips_y}};
}

HeroPlacement draw_hero(cairo_t* cr, const Pose& pose, const Mood& mood, const HeroColours& colours,
                        const HeroFrame& frame) {
  cairo_matrix_t body, upper;
  body_matrices(pose, frame, body, upper);
  cairo_save(cr);
  cairo_transform(cr, &body);
  if (has_extra(colours, "cape")) draw_cape(cr, colours, pose);
  draw_leg(cr, -1, pose.leg_left, colours);
  draw_leg(cr, 1, pose.leg_right, colours);
  cairo_restore(cr);
  cairo_save(cr);
  cairo_transform(cr, &upper);
  draw_torso(cr, colours);
  if (has_extra(colours, "scarf")) draw_scarf(cr, colours);
  draw_arm(cr, -1, pose.arm_left, colours);
  draw_arm(cr, 1, pose.arm_right, colours);
  draw_head(cr, pose, mood, colours);
  cairo_restore(cr);
  return locate_hero(pose, frame).head;
}

}  // namespace storyloom::art
