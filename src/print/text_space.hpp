// Tells the illustrator where each story page's text panel will cover the picture, so the
// hero's face is drawn clear of it. The panel is measured exactly as story_pages.cpp will set
// it (same font, size, width and padding), before any picture is drawn.
#pragma once

#include "print/book_design.hpp"
#include "story/story.hpp"

namespace storyloom::print {

// Fills every page's brief.text_band and brief.text_band_height.
void reserve_text_space(const BookDesign& design, story::Story& story);

}  // namespace storyloom::print
