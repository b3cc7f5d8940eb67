// Settings of the photos API. The photo limits themselves (10 MB, 40 MP, 12,000 px) are the
// faces module's defaults (faces/photo_limits.hpp, docs/photos.md).
#include "app/settings_registry.hpp"
#include "app/validators.hpp"

namespace storyloom::app {
namespace {

const RegisterSettings kPhotos{{
    {"ratelimit.photo_uploads_per_minute", "10",
     "Photo uploads per user per minute (each one costs a face search); 0: only the api limit", integer_between(0, 10'000)},
    {"ratelimit.photo_uploads_burst", "10", "Burst size for photo uploads", integer_between(1, 10'000)},
    // The landmark model is ~75 MB in memory and ~0.7 s to load (docs/photos.md).
    {"faces.load_model", "at_start",
     "When serve loads the face model: at_start (in the background; the first photo is quick) or "
     "first_photo (memory is used only once photos arrive; the first photo waits for the load)",
     one_of({"at_start", "first_photo"})},
}};

}  // namespace
}  // namespace storyloom::app
