// What POST /api/books checks before a book is created, so that a parent hears at once about a
// theme or style that does not exist or a child the stories cannot be written for (a name with
// digits, an age outside the age bands, an unknown companion kind), instead of a book that fails
// several retries later.
#pragma once

#include "books/book_service.hpp"
#include "catalog/catalog.hpp"
#include "story/writer.hpp"

namespace storyloom::app {

// invalid_argument: style_unknown, the writer's own codes (theme_unknown, age_out_of_range,
// child_name_invalid, ...) and book_child_invalid for a malformed snapshot.
core::Result<void> check_new_book(const catalog::Catalog& catalog, const story::Writer& writer,
                                  const books::NewBook& book);

}  // namespace storyloom::app
