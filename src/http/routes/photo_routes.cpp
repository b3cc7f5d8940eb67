#include "http/routes/photo_routes.hpp"

#include <fmt/format.h>

#include "faces/photo_errors.hpp"
#include "http/multipart.hpp"

namespace storyloom::http {
namespace {

// Room for the multipart boundaries and part headers around the photo itself.
constexpr std::size_t kEnvelopeBytes = 64 * 1024;

// The image bytes: the `photo` field of a multipart/form-data body, or the whole body.
core::Result<std::string_view> uploaded_bytes(const Request& req, std::vector<FormPart>& parts) {
  const auto type = req.header("Content-Type").value_or("");
  if (multipart_boundary(type)) {
    auto parsed = parse_multipart(type, req.body);
    if (!parsed) return std::unexpected(parsed.error());
    parts = std::move(*parsed);
    const FormPart* photo = find_part(parts, "photo");
    if (!photo)
      return core::fail(core::ErrorKind::invalid_argument, "photo_missing",
                        "Add the photo as the form field `photo`.");
    return std::string_view(photo->data);
  }
  return std::string_view(req.body);
}

core::Result<void> within_upload_rate(const std::string& user_id, const PhotoRoutesOptions& o) {
  if (!o.limiter) return {};
  const auto wait = o.limiter->take("photos|user|" + user_id, o.upload_rule);
  if (!wait) return {};
  return core::fail(core::ErrorKind::rate_limited, "rate_limited",
                    "That is a lot of photos in a short time; please wait a moment and try again.",
                    {{"retry_after", *wait}});
}

Response upload(Request& req, photos::PhotoLibrary& library, const PhotoRoutesOptions& o) {
  const Auth& auth = *o.auth;
  auto who = auth.require_user(req);
  if (!who) return auth.error(req, who.error());
  if (auto ok = within_upload_rate(who->user.id, o); !ok) return auth.error(req, ok.error());
  std::vector<FormPart> parts;
  auto bytes = uploaded_bytes(req, parts);
  if (!bytes) return auth.error(req, bytes.error());
  if (bytes->empty())
    return auth.error(req, {core::ErrorKind::invalid_argument, "photo_missing", "The upload has no photo in it."});
  auto photo = library.upload(who->user.id, *bytes);
  if (!photo) return auth.error(req, photo.error());
  auto json = photo_json(*photo, library.blobs(), o.link_ttl);
  if (!json) return auth.error(req, json.error());
  Response res = Response::json(201, *json);
  res.headers.set("Location", "/api/photos/" + photo->id);
  return res;
}

}  // namespace

core::Result<nlohmann::json> photo_json(const photos::Photo& photo, blob::Store& blobs, std::chrono::seconds link_ttl) {
  auto url = blobs.signed_url(photo.blob_key, link_ttl);
  if (!url) return std::unexpected(url.error());
  nlohmann::json out = photos::to_json(photo);
  out["image_url"] = *url;
  return out;
}

RouteBodyLimit photo_upload_body_limit(const faces::PhotoLimits& limits) {
  // The server answers before reading the body, so the size is not known: say only the limit.
  core::Error error = faces::photo_too_large(limits.max_bytes + 1, limits.max_bytes);
  error.message = fmt::format("This photo is too big to upload; the limit is {:.0f} MB.",
                              static_cast<double>(limits.max_bytes) / 1048576.0);
  error.details.erase("bytes");
  return {"POST", "/api/photos", limits.max_bytes + kEnvelopeBytes, std::move(error)};
}

void add_photo_routes(Router& router, photos::PhotoLibrary& library, PhotoRoutesOptions o) {
  if (!o.auth) throw std::invalid_argument("add_photo_routes needs an Auth");
  router.post("/api/photos", [&library, o](Request& req) { return upload(req, library, o); });
  router.get("/api/photos/{id}", [&library, o](Request& req) {
    auto who = o.auth->require_user(req);
    if (!who) return o.auth->error(req, who.error());
    auto photo = library.get(who->user.id, req.param("id"));
    if (!photo) return o.auth->error(req, photo.error());
    auto json = photo_json(*photo, library.blobs(), o.link_ttl);
    if (!json) return o.auth->error(req, json.error());
    return Response::json(200, *json);
  });
  router.del("/api/photos/{id}", [&library, o](Request& req) {
    auto who = o.auth->require_user(req);
    if (!who) return o.auth->error(req, who.error());
    if (auto gone = library.remove(who->user.id, req.param("id")); !gone) return o.auth->error(req, gone.error());
    return Response::no_content();
  });
}

}  // namespace storyloom::http
