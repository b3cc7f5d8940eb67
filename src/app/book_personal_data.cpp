#include "app/book_personal_data.hpp"

#include "books/book_store.hpp"
#include "books/steps.hpp"

namespace storyloom::app {
namespace {

using nlohmann::json;

// A signed link to `key`, or null when there is no such file (an expired preview, a book that
// has no cover): an export with dead links would look like data we lost.
core::Result<json> export_link(blob::Store& blobs, const std::string& key) {
  if (key.empty()) return json();
  auto present = blobs.exists(key);
  if (!present) return std::unexpected(present.error());
  if (!*present) return json();
  auto url = blobs.signed_url(key, accounts::kExportLinkTtl);
  if (!url) return std::unexpected(url.error());
  return json(*url);
}

core::Result<json> exported_book(const books::Book& b, blob::Store& blobs) {
  json out{{"id", b.id},         {"title", b.title},   {"theme", b.theme},
           {"style", b.style},   {"status", core::to_string(b.status)},
           {"child", b.child},   {"created_at", b.created_at},
           {"paid_at", b.paid_at ? json(*b.paid_at) : json()}};
  // The whole book only when it is bought and not taken back, as the Books API shows it.
  const bool bought = books::is_unlocked(b) && !b.print_pdf_key.empty();
  const std::pair<const char*, std::string> files[] = {
      {"preview_pdf_url", b.preview_pdf_key},
      {"print_pdf_url", bought ? b.print_pdf_key : ""},
      {"cover_pdf_url", bought ? books::steps::cover_pdf_key(b) : ""}};
  for (const auto& [field, key] : files) {
    auto link = export_link(blobs, key);
    if (!link) return std::unexpected(link.error());
    out[field] = std::move(*link);
  }
  return out;
}

core::Result<json> export_books(blob::Store& blobs, const accounts::PersonalDataContext& ctx) {
  auto owned = books::books_of(ctx.conn, ctx.user_id);
  if (!owned) return std::unexpected(owned.error());
  json out = json::array();
  for (const auto& book : *owned) {
    auto item = exported_book(book, blobs);
    if (!item) return std::unexpected(item.error());
    out.push_back(std::move(*item));
  }
  return out;
}

}  // namespace

void register_book_personal_data(accounts::PersonalDataRegistry& registry, books::BookService& service,
                                 blob::Store& blobs) {
  registry.add_owned_table("books");
  registry.add_exporter("books", [&blobs](const accounts::PersonalDataContext& ctx) { return export_books(blobs, ctx); });
  registry.add_eraser("books", [&service](const accounts::PersonalDataContext& ctx) -> core::Result<void> {
    auto removed = service.delete_books_of(ctx.conn, ctx.user_id);
    if (!removed) return std::unexpected(removed.error());
    return {};
  });
}

}  // namespace storyloom::app
