#include "photos/photo_library.hpp"

#include "core/ids.hpp"
#include "core/log.hpp"
#include "faces/photo_decoder.hpp"
#include "faces/photo_intake.hpp"
#include "photos/photo_store.hpp"

namespace storyloom::photos {
namespace {

core::Error photo_not_found() {
  return core::Error{core::ErrorKind::not_found, "photo_not_found", "There is no such photo."};
}

// The refusal faces builds, plus the size of the normalized copy: the web app draws the face box
// over the parent's photo with it.
core::Error refused(const faces::CheckedPhoto& checked) {
  core::Error e = faces::refusal(checked.verdict);
  e.details["width"] = checked.width;
  e.details["height"] = checked.height;
  e.details["format"] = faces::to_string(checked.format);
  return e;
}

template <class F>
auto with_connection(sql::Database& db, F&& work) -> std::invoke_result_t<F, sql::Connection&> {
  auto conn = db.acquire();
  if (!conn) return std::unexpected(conn.error());
  return work(**conn);
}

}  // namespace

PhotoLibrary::PhotoLibrary(std::shared_ptr<sql::Database> db, blob::Store& blobs, const core::Clock& clock,
                           FaceModelSource model, faces::PhotoLimits limits, faces::FaceRules rules)
    : db_(std::move(db)), blobs_(blobs), clock_(clock), model_(std::move(model)), limits_(limits), rules_(rules) {}

core::Result<Photo> PhotoLibrary::upload(std::string_view owner_id, std::string_view bytes) {
  if (owner_id.empty()) return core::fail(core::ErrorKind::unauthenticated, "auth_required", "Please sign in first.");
  // Hostile and broken uploads are refused from their headers, before waiting for the model.
  if (auto header = faces::inspect_photo(bytes, limits_); !header) return core::fail(header.error());
  auto model = model_();
  if (!model) return core::fail(model.error());
  const faces::PhotoIntake intake(*model, limits_, rules_);
  auto checked = intake.examine(bytes);
  if (!checked) return core::fail(checked.error());
  if (!checked->verdict.accepted) return core::fail(refused(*checked));
  Photo photo{.id = core::new_id("ph"),
              .owner_id = std::string(owner_id),
              .width = checked->width,
              .height = checked->height,
              .format = faces::to_string(checked->format),
              .verdict = faces::to_json(checked->verdict),
              .traits = traits_json(intake.traits(*checked)),
              .created_at = clock_.unix_seconds()};
  photo.blob_key = photo_blob_key(photo.id);
  if (auto stored = store(photo, checked->jpeg); !stored) return core::fail(stored.error());
  core::log_info("photo_stored", {{"photo_id", photo.id}, {"width", photo.width}, {"height", photo.height},
                                  {"format", photo.format}});
  return photo;
}

// Blob first: a crash in between leaves an unreferenced blob, never a row without its picture.
core::Result<void> PhotoLibrary::store(const Photo& photo, std::string_view jpeg) {
  if (auto put = blobs_.put(photo.blob_key, jpeg); !put) return put;
  auto inserted = with_connection(*db_, [&](sql::Connection& conn) { return insert_photo(conn, photo); });
  if (!inserted) {
    if (auto removed = blobs_.remove(photo.blob_key); !removed)
      core::log_warn("photo_blob_orphaned", {{"key", photo.blob_key}, {"error", removed.error().code}});
    return inserted;
  }
  return {};
}

core::Result<Photo> PhotoLibrary::get(std::string_view owner_id, std::string_view photo_id) {
  auto found = with_connection(*db_, [&](sql::Connection& conn) { return find_owned_photo(conn, owner_id, photo_id); });
  if (!found) return core::fail(found.error());
  if (!*found) return core::fail(photo_not_found());
  return std::move(**found);
}

core::Result<void> PhotoLibrary::remove(std::string_view owner_id, std::string_view photo_id) {
  auto photo = get(owner_id, photo_id);
  if (!photo) return core::fail(photo.error());
  return remove_any(photo->id);
}

core::Result<void> PhotoLibrary::remove_any(std::string_view photo_id) {
  // Only an id upload() could have made has a blob; anything else (a stale or made-up reference)
  // must not reach other keys under photos/.
  if (core::is_valid_id(photo_id, "ph"))
    if (auto removed = blobs_.remove(photo_blob_key(photo_id)); !removed) return removed;
  auto deleted = with_connection(*db_, [&](sql::Connection& conn) { return delete_photo_row(conn, photo_id); });
  if (!deleted) return core::fail(deleted.error());
  if (*deleted > 0) core::log_info("photo_removed", {{"photo_id", std::string(photo_id)}});
  return {};
}

core::Result<std::int64_t> PhotoLibrary::remove_created_before(std::int64_t cutoff, bool dry_run) {
  auto ids = with_connection(*db_, [&](sql::Connection& conn) { return photo_ids_created_before(conn, cutoff); });
  if (!ids) return core::fail(ids.error());
  if (!dry_run)
    for (const auto& id : *ids)
      if (auto removed = remove_any(id); !removed) return core::fail(removed.error());
  return static_cast<std::int64_t>(ids->size());
}

core::Result<std::int64_t> PhotoLibrary::erase_owned(sql::Connection& conn, std::string_view owner_id) {
  auto owned = photos_of(conn, owner_id);
  if (!owned) return core::fail(owned.error());
  for (const auto& photo : *owned) {
    if (auto removed = blobs_.remove(photo.blob_key); !removed) return core::fail(removed.error());
    if (auto deleted = delete_photo_row(conn, photo.id); !deleted) return core::fail(deleted.error());
  }
  return static_cast<std::int64_t>(owned->size());
}

core::Result<void> PhotoLibrary::warm_up() const {
  auto model = model_();
  if (!model) return core::fail(model.error());
  return {};
}

}  // namespace storyloom::photos
