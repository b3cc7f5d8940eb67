// The photos part of the composition root: the photo library over the database and blob store,
// its share of accounts' privacy (guest claims move photos, export lists them, account deletion
// erases rows and blobs), its share of the cleanup (photos older than cleanup.photo_ttl_days),
// the books::PhotoPort adapter, and the face model's background warm-up for `serve`.
#pragma once

#include <functional>
#include <memory>
#include <atomic>
#include <thread>

#include "accounts/personal_data.hpp"
#include "accounts/rate_limiter.hpp"
#include "books/cleanup.hpp"
#include "books/ports.hpp"
#include "http/router.hpp"
#include "photos/photo_library.hpp"

namespace storyloom::app {

struct Services;

// books::PhotoPort over the library: the pipeline and cleanup delete originals by id.
class LibraryPhotoPort final : public books::PhotoPort {
 public:
  explicit LibraryPhotoPort(photos::PhotoLibrary& library) : library_(library) {}
  core::Result<void> delete_photo(std::string_view photo_id) override { return library_.remove_any(photo_id); }

 private:
  photos::PhotoLibrary& library_;
};

struct PhotoServices {
  std::unique_ptr<photos::PhotoLibrary> library;
  std::unique_ptr<LibraryPhotoPort> port;
  accounts::BucketRule upload_rule;
  std::jthread warm_up;  // serve: loads the face model without delaying listening; joined first
  std::atomic<bool> warm_up_running{false};
};

// Builds the library and registers it with accounts' personal-data registry.
// REQUIRES: services.database, blobs and accounts are built.
std::unique_ptr<PhotoServices> build_photo_services(Services& services);

// The cleanup's "photos_expired" hook: photos older than policy.photo_ttl.
books::CleanupHook photo_cleanup_hook(photos::PhotoLibrary& library);

// Loads the face model on a background thread (serve), logging the outcome once.
void start_face_model_warm_up(PhotoServices& photos);

// For the book routes: a new book's photo_id must be the caller's photo (404 photo_not_found).
std::function<core::Result<void>(std::string_view owner_id, std::string_view photo_id)> owned_photo_check(
    photos::PhotoLibrary& library);

// POST/GET/DELETE /api/photos.
void add_photo_routes(http::Router& router, Services& services);

}  // namespace storyloom::app
