#include "app/pipeline/book_request_check.hpp"

#include <fmt/format.h>

#include "app/pipeline/child_snapshot.hpp"

namespace storyloom::app {

core::Result<void> check_new_book(const catalog::Catalog& catalog, const story::Writer& writer,
                                  const books::NewBook& book) {
  if (!catalog.find_style(book.style))
    return core::fail(core::ErrorKind::invalid_argument, "style_unknown",
                      fmt::format("Choose an art style: {}.", fmt::join(catalog.style_ids(), ", ")),
                      {{"field", "style"}, {"styles", catalog.style_ids()}});
  auto request = story_request_for(book.child, book.theme, book.seed.value_or(0));
  if (!request) return std::unexpected(request.error());
  // Writing is cheap (templates filled from the catalog) and checks exactly what the book needs.
  if (auto story = writer.write(*request); !story) return std::unexpected(story.error());
  return {};
}

}  // namespace storyloom::app
