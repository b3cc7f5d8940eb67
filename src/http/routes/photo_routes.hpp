// The Photos API (docs/photos.md, "The Photos API"): upload a child's photo (multipart field
// `photo`, or the image as the raw body), read it back, delete it. Every route needs a signed-in
// user or guest; someone else's photo is a 404 like a missing one. Only accepted photos are
// stored; the answer carries the face verdict and a signed, expiring link to the normalized copy.
#pragma once

#include <chrono>

#include "accounts/rate_limiter.hpp"
#include "faces/photo_limits.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "photos/photo_library.hpp"

namespace storyloom::http {

struct PhotoRoutesOptions {
  const Auth* auth = nullptr;                  // required; must outlive the router
  accounts::RateLimiter* limiter = nullptr;    // uploads per user; null: only the api limit applies
  accounts::BucketRule upload_rule{10, 10};    // per user: each upload costs a face search
  std::chrono::seconds link_ttl{3600};         // signed image links
};

// The library must outlive the router.
void add_photo_routes(Router& router, photos::PhotoLibrary& library, PhotoRoutesOptions options);

// POST /api/photos takes the largest photo plus its multipart envelope; anything larger is
// 413 photo_too_large before it is read (ServerOptions::route_body_limits).
RouteBodyLimit photo_upload_body_limit(const faces::PhotoLimits& limits);

// {id, width, height, format, verdict, image_url, created_at}
core::Result<nlohmann::json> photo_json(const photos::Photo& photo, blob::Store& blobs, std::chrono::seconds link_ttl);

}  // namespace storyloom::http
