#include "app/pipeline/template_story_port.hpp"

#include "app/pipeline/brief_json.hpp"
#include "app/pipeline/child_snapshot.hpp"
#include "print/book_steps.hpp"

namespace storyloom::app {

core::Result<books::StoryDraft> TemplateStoryPort::write_story(const books::StoryRequest& request) {
  auto story_request = story_request_for(request.child, request.theme, request.seed);
  if (!story_request) return std::unexpected(story_request.error());
  auto story = print::write_story(*catalog_, *writer_, *story_request);
  if (!story) return std::unexpected(story.error());
  books::StoryDraft draft{.title = story->title, .provider = std::string(writer_->name()),
                          .version = std::to_string(story->version)};
  for (const auto& page : story->pages) draft.pages.push_back({page.number, page.text, brief_to_json(page.brief)});
  return draft;
}

}  // namespace storyloom::app
