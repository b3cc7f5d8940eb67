#include "print/page_plan.hpp"

#include <algorithm>

namespace storyloom::print {

int padded_page_count(int pages, const catalog::PrintSpec& spec) {
  int n = std::max(pages, spec.min_pages);
  const int multiple = std::max(1, spec.page_multiple);
  return (n + multiple - 1) / multiple * multiple;
}

std::vector<PlannedPage> plan_interior(int story_pages, const catalog::PrintSpec& spec) {
  std::vector<PlannedPage> plan{{PageKind::title}, {PageKind::belongs_to}, {PageKind::dedication}};
  for (int i = 1; i <= story_pages; ++i) plan.push_back({PageKind::story, i});
  plan.push_back({PageKind::ending});
  const int total = padded_page_count(static_cast<int>(plan.size()) + 1, spec);
  for (int i = 0; static_cast<int>(plan.size()) < total - 1; ++i)
    plan.push_back({i % 2 == 0 ? PageKind::draw : PageKind::notes});
  plan.push_back({PageKind::colophon});
  return plan;
}

}  // namespace storyloom::print
