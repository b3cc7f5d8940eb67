// books::StoryWriterPort over a story::Writer (the template writer over the loaded catalog):
// the book's child snapshot, theme and seed in; the title and ten pages with their briefs out,
// each brief told where the page's text will sit (print::write_story).
#pragma once

#include <memory>

#include "books/ports.hpp"
#include "catalog/catalog.hpp"
#include "story/writer.hpp"

namespace storyloom::app {

class TemplateStoryPort final : public books::StoryWriterPort {
 public:
  TemplateStoryPort(std::shared_ptr<const catalog::Catalog> catalog, std::shared_ptr<const story::Writer> writer)
      : catalog_(std::move(catalog)), writer_(std::move(writer)) {}
  core::Result<books::StoryDraft> write_story(const books::StoryRequest& request) override;

 private:
  std::shared_ptr<const catalog::Catalog> catalog_;
  std::shared_ptr<const story::Writer> writer_;
};

}  // namespace storyloom::app
