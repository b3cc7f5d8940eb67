// The story writer port: a child and a theme in, a finished Story out. The template writer is
// the embedded default; a remote (chat-completions) writer can follow behind this interface.
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "story/story.hpp"

namespace storyloom::story {

class Writer {
 public:
  virtual ~Writer() = default;
  // Thread-safe. Errors: invalid_argument (theme_unknown, age_out_of_range, child_* codes),
  // unavailable for remote writers that are down.
  virtual core::Result<Story> write(const StoryRequest& request) const = 0;
  virtual std::string_view name() const = 0;
};

}  // namespace storyloom::story
