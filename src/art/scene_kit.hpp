// A scene kit: the data (catalog/art/<theme>/kit.json) from which the vector illustrator
// composes a theme's pictures. Format and art direction: docs/art.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/face_cutout.hpp"
#include "core/image.hpp"

namespace storyloom::art {

// Named colours for one time of day: sky_top, sky_bottom, light, far, mid, near, ground, ...
using Palette = std::map<std::string, core::Rgba>;

// One painted layer of a setting. Which fields matter depends on `kind` (docs/art.md).
// Positions and sizes are fractions of the page (0..1, y down).
struct Layer {
  std::string kind;
  std::string colour;            // palette key or "#hex"
  std::string colour2;           // second colour (gradients, highlights)
  double x = 0.5, y = 0.6;
  double height = 0.2, width = 0.2;
  double amplitude = 0.04;       // hills: wave height
  double haze = 0;               // 0..1 mix towards sky_bottom for depth
  double opacity = 1;
  int count = 1;
  int waves = 3;
  std::string shape;             // kind-specific variant ("pine", "round", "peaks", ...)
  std::vector<std::string> assets;  // svg assets (paths relative to catalog/art)
  std::vector<double> band;      // scatter: [y0, y1]; optional [x0, x1] in spread
  std::vector<double> spread;
  std::vector<std::string> when; // times of day the layer is drawn; empty = always
  bool flip = false;
  bool front = false;            // drawn in front of the hero and companion
};

struct Setting {
  std::string id;
  double ground_y = 0.85;        // where the hero's feet stand (page fraction)
  bool underwater = false;       // hero swims/floats; no sun
  std::vector<Layer> layers;
  std::vector<core::PointF> anchors;  // ground spots where props may stand
  std::vector<double> rest;           // [x, y]: where a sleeping hero lies (the bed); empty = ground
};

// Joint angles in degrees (0 = hanging straight down, positive = away from the body).
struct Limb {
  double upper = 0, lower = 0;
};

struct Pose {
  Limb arm_left, arm_right, leg_left, leg_right;
  double lean = 0;        // degrees the torso leans (positive = towards the facing side)
  double rotate = 0;      // whole-body rotation (flying, swimming, sleeping)
  double lift = 0;        // fraction of hero height above the ground (jumps; negative = sitting)
  double head_tilt = 0;
  bool eyes_closed = false;
  bool airborne = false;  // placed in the sky rather than on the ground
  std::string hold;       // "left"/"right": hand that holds the first prop; empty = none
};

struct Mood {
  core::Rgba tint{0, 0, 0, 0};  // colour wash over the scene (alpha = strength)
  double vignette = 0.2;
  std::string mouth = "smile";  // smile, grin, o, flat, soft
  double brows = 0;             // degrees: positive raises the outer ends (surprise)
  bool sparkles = false;
};

struct Companion {
  std::string asset;
  double scale = 0.45;  // height relative to the hero
  bool airborne = false;
  bool faces_left = true;  // which way the source picture looks, to turn it towards the hero
};

struct SceneKit {
  std::string theme;
  std::string source;  // kit file, for error messages
  std::map<std::string, Palette> palettes;  // by time of day
  std::map<std::string, Setting> settings;
  std::map<std::string, std::string> props;  // noun -> asset
  std::string default_companion;
  std::vector<std::string> outfit;  // hero extras: "cape", "scarf"
  core::Rgba accent{220, 60, 60, 255};
};

// Parts every theme shares: hero poses, companions, moods, common props, the bedroom.
struct GenericKit {
  std::string source;
  std::map<std::string, Pose> poses;
  std::map<std::string, Mood> moods;
  std::map<std::string, Companion> companions;
  std::map<std::string, double> framing;  // hero height as a page fraction
  SceneKit shared;  // props, palettes and the shared settings (home-bedroom, home-garden)
};

}  // namespace storyloom::art
