#include "app/photo_services.hpp"

#include "app/services.hpp"
#include "core/log.hpp"
#include "http/routes/photo_routes.hpp"
#include "photos/photo_store.hpp"

namespace storyloom::app {
namespace {

core::Result<nlohmann::json> export_photos(photos::PhotoLibrary& library, const accounts::PersonalDataContext& ctx) {
  auto owned = photos::photos_of(ctx.conn, ctx.user_id);
  if (!owned) return std::unexpected(owned.error());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& photo : *owned) {
    auto item = http::photo_json(photo, library.blobs(), accounts::kExportLinkTtl);
    if (!item) return std::unexpected(item.error());
    (*item)["traits"] = photo.traits;  // what we read from the photo is theirs too
    out.push_back(std::move(*item));
  }
  return out;
}

void register_personal_data(accounts::PersonalDataRegistry& registry, photos::PhotoLibrary& library) {
  registry.add_owned_table("photos");
  registry.add_exporter("photos", [&library](const accounts::PersonalDataContext& ctx) {
    return export_photos(library, ctx);
  });
  registry.add_eraser("photos", [&library](const accounts::PersonalDataContext& ctx) -> core::Result<void> {
    auto erased = library.erase_owned(ctx.conn, ctx.user_id);
    if (!erased) return std::unexpected(erased.error());
    return {};
  });
}

}  // namespace

std::unique_ptr<PhotoServices> build_photo_services(Services& services) {
  const Settings& s = services.config.settings;
  auto p = std::make_unique<PhotoServices>();
  p->library = std::make_unique<photos::PhotoLibrary>(services.database, *services.blobs, services.clock);
  p->port = std::make_unique<LibraryPhotoPort>(*p->library);
  p->upload_rule = {static_cast<double>(s.integer("ratelimit.photo_uploads_per_minute")),
                    static_cast<double>(s.integer("ratelimit.photo_uploads_burst"))};
  register_personal_data(services.accounts->personal_data, *p->library);
  return p;
}

books::CleanupHook photo_cleanup_hook(photos::PhotoLibrary& library) {
  return {"photos_expired", [&library](std::int64_t now, const books::CleanupPolicy& policy, bool dry_run) {
            return library.remove_created_before(now - policy.photo_ttl.count(), dry_run);
          }};
}

void start_face_model_warm_up(PhotoServices& photos) {
  photos.warm_up_running = true;
  photos.warm_up = std::jthread([&library = *photos.library, &running = photos.warm_up_running] {
    const auto began = std::chrono::steady_clock::now();
    auto ready = library.warm_up();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began);
    if (ready) core::log_info("face_model_loaded", {{"ms", ms.count()}});
    else core::log_error("face_model_unavailable", {{"code", ready.error().code}, {"message", ready.error().message},
                                                    {"details", ready.error().details}});
    running = false;
  });
}

std::function<core::Result<void>(std::string_view, std::string_view)> owned_photo_check(photos::PhotoLibrary& library) {
  return [&library](std::string_view owner_id, std::string_view photo_id) -> core::Result<void> {
    auto photo = library.get(owner_id, photo_id);
    if (!photo) return core::fail(photo.error().with_details({{"field", "photo_id"}}));
    return {};
  };
}

void add_photo_routes(http::Router& router, Services& s) {
  http::add_photo_routes(router, *s.photos->library,
                         {.auth = s.accounts->auth.get(), .limiter = s.accounts->limiter.get(),
                          .upload_rule = s.photos->upload_rule});
}

}  // namespace storyloom::app
