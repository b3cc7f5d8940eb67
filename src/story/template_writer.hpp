// The embedded story writer: picks seeded text variants from the theme catalog and fills them
// with the child's details. Every template in the catalog is checked when the writer is made,
// so a broken theme file stops start-up instead of reaching a page.
#pragma once

#include <memory>

#include "catalog/catalog.hpp"
#include "story/writer.hpp"

namespace storyloom::story {

class TemplateWriter final : public Writer {
 public:
  // Errors: catalog_invalid listing every bad template with its file and field.
  static core::Result<std::unique_ptr<TemplateWriter>> create(std::shared_ptr<const catalog::Catalog> catalog);

  core::Result<Story> write(const StoryRequest& request) const override;
  std::string_view name() const override { return "template"; }

 private:
  explicit TemplateWriter(std::shared_ptr<const catalog::Catalog> c) : catalog_(std::move(c)) {}
  std::shared_ptr<const catalog::Catalog> catalog_;
};

}  // namespace storyloom::story
