// A written book: what the print module lays out and the illustrator draws.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "catalog/theme.hpp"
#include "core/illustration_brief.hpp"
#include "story/child.hpp"

namespace storyloom::story {

struct StoryPage {
  int number = 0;  // 1..10, story pages only
  std::string text;
  core::IllustrationBrief brief;
  catalog::TextPanel text_panel = catalog::TextPanel::bottom;  // keep the panel off the hero
};

struct Story {
  std::string theme;
  std::string age_band;  // catalog age band id
  std::string title;
  std::string dedication;
  std::string cover_text;  // back-cover blurb
  core::IllustrationBrief cover_brief;
  std::vector<StoryPage> pages;
  std::string ending;
  std::string writer;  // "template", for generation_log
  int version = 1;     // story format version
};

struct StoryRequest {
  Child child;
  std::string theme;
  std::uint64_t seed = 0;  // same request + seed = same book
};

}  // namespace storyloom::story
