#include "photos/photo_store.hpp"

#include <fmt/format.h>

namespace storyloom::photos {
namespace {

constexpr std::string_view kColumns = "id, owner_id, blob_key, width, height, format, verdict, traits, created_at";

nlohmann::json parse_json(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

Photo photo_from_row(const sql::Row& r) {
  return Photo{.id = r.text("id"),
               .owner_id = r.text("owner_id"),
               .blob_key = r.text("blob_key"),
               .width = static_cast<int>(r.integer("width")),
               .height = static_cast<int>(r.integer("height")),
               .format = r.text("format"),
               .verdict = parse_json(r.text("verdict")),
               .traits = parse_json(r.text("traits")),
               .created_at = r.integer("created_at")};
}

core::Result<std::vector<Photo>> photos_where(sql::Connection& conn, std::string_view condition,
                                              const sql::Params& params) {
  auto rows = conn.query(fmt::format("SELECT {} FROM photos WHERE {} ORDER BY created_at, id", kColumns, condition),
                         params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Photo> out;
  for (const auto& r : *rows) out.push_back(photo_from_row(r));
  return out;
}

}  // namespace

core::Result<void> insert_photo(sql::Connection& conn, const Photo& p) {
  auto n = conn.execute(fmt::format("INSERT INTO photos ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", kColumns),
                        {p.id, p.owner_id, p.blob_key, std::int64_t{p.width}, std::int64_t{p.height}, p.format,
                         p.verdict.dump(), p.traits.dump(), p.created_at});
  if (!n) return std::unexpected(n.error());
  return {};
}

core::Result<std::optional<Photo>> find_owned_photo(sql::Connection& conn, std::string_view owner_id,
                                                    std::string_view photo_id) {
  auto found = photos_where(conn, "id = $1 AND owner_id = $2", {std::string(photo_id), std::string(owner_id)});
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return std::nullopt;
  return std::move(found->front());
}

core::Result<std::vector<Photo>> photos_of(sql::Connection& conn, std::string_view owner_id) {
  return photos_where(conn, "owner_id = $1", {std::string(owner_id)});
}

core::Result<std::vector<std::string>> photo_ids_created_before(sql::Connection& conn, std::int64_t cutoff) {
  auto rows = conn.query("SELECT id FROM photos WHERE created_at < $1 ORDER BY created_at, id", {cutoff});
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::string> ids;
  for (const auto& r : *rows) ids.push_back(r.text("id"));
  return ids;
}

core::Result<std::int64_t> delete_photo_row(sql::Connection& conn, std::string_view photo_id) {
  return conn.execute("DELETE FROM photos WHERE id = $1", {std::string(photo_id)});
}

}  // namespace storyloom::photos
