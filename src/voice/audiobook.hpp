// A narrated book: every page's text spoken in order with a pause between pages, one MP3.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "voice/narrator.hpp"

namespace storyloom::voice {

struct Audiobook {
  std::string mp3;
  double seconds = 0;
  std::vector<double> page_starts;  // seconds at which each passage begins (for a player's chapters)
};

struct AudiobookOptions {
  double pause_between_pages = 1.2;  // seconds; long enough to turn a page
  int kbps = 64;
};

// Fails when any passage cannot be spoken; empty passages still get a chapter mark.
core::Result<Audiobook> narrate_book(Narrator& narrator, const std::vector<std::string>& passages,
                                     const AudiobookOptions& options = {});

}  // namespace storyloom::voice
