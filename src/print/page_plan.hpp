// The order of pages in the printed interior, padded with activity pages to the print
// partner's minimum and page multiple (catalog/print.json).
#pragma once

#include <vector>

#include "catalog/print_spec.hpp"

namespace storyloom::print {

enum class PageKind { title, belongs_to, dedication, story, ending, draw, notes, colophon };

struct PlannedPage {
  PageKind kind = PageKind::story;
  int story_page = 0;  // 1-based, for PageKind::story
};

// The smallest count >= pages that satisfies min_pages and page_multiple.
int padded_page_count(int pages, const catalog::PrintSpec& spec);

// title, belongs-to, dedication, the story pages, the ending, then alternating draw/notes
// pages, and a colophon as the very last page.
std::vector<PlannedPage> plan_interior(int story_pages, const catalog::PrintSpec& spec);

}  // namespace storyloom::print
