// The web app: files from the built app's folder (web/dist), hashed assets under /assets/ with
// long cache lifetimes, and index.html for every other GET that looks like a client-side route.
// When the folder has no index.html, "/" answers a short page saying the app isn't built.
// /api/ and /files/ paths are never answered with the app.
#pragma once

#include <filesystem>

#include "http/router.hpp"

namespace storyloom::http {

void add_web_routes(Router& router, std::filesystem::path web_dir);

}  // namespace storyloom::http
