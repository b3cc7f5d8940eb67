// Composition of one page: where the hero stands and how big (by framing), which way they
// face, where the companion and props go, and where the light is. Seeded so pages vary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "art/hero_figure.hpp"
#include "art/scene_kit.hpp"
#include "art/seeded_random.hpp"

namespace storyloom::art {

// The safe area: faces and heads stay this far (page fraction) inside every edge
// (0.5 in of a 10.25 in page is ~4.9%; we keep 6.5% to leave room for the hair).
inline constexpr double kSafeMargin = 0.065;

struct PlacedPicture {
  std::string asset;
  double x = 0, bottom = 0, height = 0;  // px, bottom centre
  bool flip = false;
};

struct PageLayout {
  HeroFrame hero;
  std::optional<PlacedPicture> companion;
  std::optional<PlacedPicture> held_prop;  // drawn over the hero's hand
  std::vector<PlacedPicture> props;        // standing at the setting's anchors
  core::PointF light;                      // page fraction
  bool mirrored = false;
};

struct LayoutInputs {
  const Setting& setting;
  const Pose& pose;
  double framing = 0.5;                      // hero height as a page fraction
  bool close = false;                        // close-up: the hero may be cut at the knees
  const Companion* companion = nullptr;      // nullptr: none on this page
  std::vector<std::string> prop_assets;      // the brief's props that the kit can draw
  std::string time_of_day;
  double width = 0, height = 0;
  // The page's text panel: the fraction of the page it covers from the top or bottom edge.
  // The hero's head is kept out of it.
  bool text_on_top = false;
  double text_band = 0;
};

PageLayout plan_page(const LayoutInputs& in, SeededRandom rng);

}  // namespace storyloom::art
