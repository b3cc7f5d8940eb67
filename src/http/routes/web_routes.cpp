#include "http/routes/web_routes.hpp"

#include <fstream>
#include <sstream>

#include "http/error_response.hpp"
#include "http/file_response.hpp"
#include "http/gzip.hpp"

namespace storyloom::http {

namespace {

constexpr std::string_view kNotBuiltPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Storyloom</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#333}
code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style></head>
<body><h1>Storyloom is running</h1>
<p>The server works, but the web app has not been built yet, so there is nothing to show here.</p>
<p>Build it with <code>make web</code> (or point <code>STORYLOOM_WEB_DIR</code> at a built app) and reload.
The API answers under <code>/api</code>; <code>/health</code> and <code>/ready</code> report the server's state.</p>
</body></html>
)";

// Maps a URL path to a file under `root`, refusing anything that could leave it or reach
// hidden files. Answers an empty path when there is no such regular file.
std::filesystem::path resolve(const std::filesystem::path& root, std::string_view url_path) {
  std::filesystem::path rel;
  std::size_t start = 1;
  while (start <= url_path.size()) {
    const auto slash = url_path.find('/', start);
    const auto seg = url_path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (seg.empty() || seg.front() == '.' || seg.find('\\') != std::string_view::npos) {
      if (!seg.empty()) return {};
    } else {
      rel /= std::string(seg);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (rel.empty()) return {};
  std::error_code ec;
  const auto full = root / rel;
  return std::filesystem::is_regular_file(full, ec) ? full : std::filesystem::path{};
}

// Small text files are read so the gzip middleware can compress them; others are streamed.
Response serve(const Request& req, const std::filesystem::path& path) {
  const auto type = mime_type_for(path);
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size <= (2u << 20) && is_compressible_type(type) && !req.header("Range")) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in) return Response::text(200, std::move(bytes).str(), type);
  }
  return file_response(req, path, type);
}

Response serve_web_app(const std::filesystem::path& root, const Request& req) {
  if (req.path.starts_with("/api/") || req.path.starts_with("/files/"))
    return error_response(req, core::ErrorKind::not_found, "not_found", "Nothing is at " + req.path + ".");
  std::error_code ec;
  const auto index = root / "index.html";
  if (!std::filesystem::is_regular_file(index, ec)) {
    if (req.path == "/") return Response::html(200, std::string(kNotBuiltPage));
    return error_response(req, core::ErrorKind::not_found, "not_found", "Nothing is at " + req.path + ".");
  }
  if (req.path.find("/.") != std::string::npos)  // dot-segments and hidden files are never served
    return error_response(req, core::ErrorKind::not_found, "not_found", "Nothing is at " + req.path + ".");
  if (const auto file = resolve(root, req.path); !file.empty() && file != index) {
    Response res = serve(req, file);
    // Vite puts content hashes in asset names, so they never change under the same URL.
    res.headers.set("Cache-Control", req.path.starts_with("/assets/") ? "public, max-age=31536000, immutable"
                                                                      : "public, max-age=3600");
    return res;
  }
  // A missing file with an extension is a broken link, not a client-side route.
  const auto last = req.path.substr(req.path.rfind('/') + 1);
  if (last.find('.') != std::string::npos)
    return error_response(req, core::ErrorKind::not_found, "not_found", "Nothing is at " + req.path + ".");
  Response res = serve(req, index);
  res.headers.set("Cache-Control", "no-cache");
  return res;
}

}  // namespace

void add_web_routes(Router& router, std::filesystem::path web_dir) {
  router.set_fallback([root = std::move(web_dir)](Request& req) { return serve_web_app(root, req); });
}

}  // namespace storyloom::http
