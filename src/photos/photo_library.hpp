// The parent's photos: upload (checked by the faces module; only accepted photos are kept),
// read, delete — every read and delete scoped to the owner — plus the owner-blind removal the
// book cleanup and account deletion need. Thread-safe.
//
// The face model costs ~1.5 s to load, so the library never loads it in its constructor: the
// first upload does (or warm_up(), run by `serve` in the background). Uploads refused by the
// header checks (too large, unsupported, a pixel bomb) never wait for the model.
#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "blob/store.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "faces/face_model.hpp"
#include "faces/face_rules.hpp"
#include "faces/photo_limits.hpp"
#include "photos/photo.hpp"
#include "sql/database.hpp"

namespace storyloom::photos {

// Where the face model comes from; faces::FaceModel::shared (once per process) in production.
using FaceModelSource = std::function<core::Result<std::shared_ptr<const faces::FaceModel>>()>;

class PhotoLibrary {
 public:
  PhotoLibrary(std::shared_ptr<sql::Database> db, blob::Store& blobs, const core::Clock& clock,
               FaceModelSource model = faces::FaceModel::shared, faces::PhotoLimits limits = {},
               faces::FaceRules rules = {});

  // Checks the photo and, when accepted, stores its normalized JPEG at photo_blob_key(id) and
  // the row. Errors change nothing: the intake errors (413 photo_too_large, 415
  // photo_unsupported_type, 422 photo_dimensions_too_large / photo_unreadable), the refusal
  // (400 invalid_argument, code = the reason, details {verdict, hint, width, height, format}),
  // 503 face_model_unavailable.
  core::Result<Photo> upload(std::string_view owner_id, std::string_view bytes);

  // not_found photo_not_found for a missing photo and for someone else's alike.
  core::Result<Photo> get(std::string_view owner_id, std::string_view photo_id);
  // Removes the blob, then the row (a failed blob removal leaves the row, so it can be retried).
  // not_found photo_not_found as get().
  core::Result<void> remove(std::string_view owner_id, std::string_view photo_id);
  // Whoever owns it (book cleanup, books::PhotoPort). Absent or already removed is fine.
  core::Result<void> remove_any(std::string_view photo_id);
  // Removes (or with dry_run, counts) photos created before `cutoff` (Unix seconds).
  core::Result<std::int64_t> remove_created_before(std::int64_t cutoff, bool dry_run);

  // Account deletion, inside the caller's transaction on `conn`: every photo of the owner, blobs
  // first (not transactional, idempotent when repeated). Answers how many.
  core::Result<std::int64_t> erase_owned(sql::Connection& conn, std::string_view owner_id);

  // Loads the face model now (blocking). For a background thread at start-up.
  core::Result<void> warm_up() const;

  const faces::PhotoLimits& limits() const { return limits_; }
  blob::Store& blobs() const { return blobs_; }

 private:
  core::Result<void> store(const Photo& photo, std::string_view jpeg);

  std::shared_ptr<sql::Database> db_;
  blob::Store& blobs_;
  const core::Clock& clock_;
  FaceModelSource model_;
  faces::PhotoLimits limits_;
  faces::FaceRules rules_;
};

}  // namespace storyloom::photos
