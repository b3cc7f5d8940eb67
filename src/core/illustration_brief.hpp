// The contract between the story writer and the illustrators: what one page's picture shows.
// The template writer fills it from catalog/themes; a remote image model gets it as a prompt.
// Vocabularies (settings per theme, poses, moods, times of day) are listed in
// docs/illustration-brief.md; an illustrator must draw something sensible for any value.
#pragma once

#include <string>
#include <vector>

namespace storyloom::core {

struct IllustrationBrief {
  std::string theme;        // catalog theme id, e.g. "enchanted-forest"
  std::string setting;      // one of the theme's settings, or "home-bedroom"
  std::string pose;         // standing, walking, running, jumping, waving, pointing, sitting,
                            // reaching, flying, swimming, sleeping, celebrating
  std::string mood;         // joyful, curious, brave, calm, tense, amazed, triumphant, sleepy
  std::string time_of_day;  // morning, day, sunset, night
  std::string framing;      // wide, medium, close
  std::vector<std::string> props;  // nouns the kit may draw if it has them ("lantern", "map")
  bool companion = false;   // draw the companion (pet/friend) beside the hero
  std::string companion_kind;  // "dog", "cat", "dragon", ... when companion is true
  std::string description;  // one-sentence scene description (the prompt for remote models)
  // Where the page's text panel will cover the picture, measured from that edge of the full
  // page (bleed included), so the hero's face is drawn clear of it. "" or text_band_height 0:
  // no text on the picture.
  std::string text_band;         // "top" or "bottom"
  double text_band_height = 0;   // page fraction, 0..0.5
  int version = 1;          // brief format version, logged in generation_log
};

// How the drawn hero looks: from the child's photo (avatar traits) and preferences.
struct HeroLook {
  std::string skin_tone = "#e0ac69";    // hex colours
  std::string hair_colour = "#4a3121";
  std::string hair_style = "short";     // short, long, curly, ponytail, buzz
  std::string eye_colour = "#3b2a1a";
  std::string outfit_colour = "#3a7bd5";  // the child's favourite colour when given
  std::string pronouns = "they";          // she, he, they (chooses nothing by itself)
};

}  // namespace storyloom::core
