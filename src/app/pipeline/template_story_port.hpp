// books::StoryWriterPort over a story::Writer (the template writer over the loaded catalog):
// the book's child snapshot, theme and seed in; the title and ten pages with their briefs out.
#pragma once

#include <memory>

#include "books/ports.hpp"
#include "story/writer.hpp"

namespace storyloom::app {

class TemplateStoryPort final : public books::StoryWriterPort {
 public:
  explicit TemplateStoryPort(std::shared_ptr<const story::Writer> writer) : writer_(std::move(writer)) {}
  core::Result<books::StoryDraft> write_story(const books::StoryRequest& request) override;

 private:
  std::shared_ptr<const story::Writer> writer_;
};

}  // namespace storyloom::app
