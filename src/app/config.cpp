#include "app/config.hpp"

#include <thread>

#include <unistd.h>

#include "http/routes/photo_routes.hpp"

namespace storyloom::app {

namespace {

core::LogLevel to_level(std::string_view name) {
  if (name == "debug") return core::LogLevel::debug;
  if (name == "warn") return core::LogLevel::warn;
  if (name == "error") return core::LogLevel::error;
  return core::LogLevel::info;
}

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path{} : exe.parent_path();
}

}  // namespace

std::filesystem::path resolve_web_dir(const std::filesystem::path& configured) {
  if (configured.is_absolute()) return configured;
  std::error_code ec;
  if (std::filesystem::exists(configured, ec)) return std::filesystem::absolute(configured, ec);
  const auto exe_dir = executable_dir();
  for (const auto& base : {exe_dir.parent_path(), exe_dir}) {
    if (base.empty()) continue;
    const auto candidate = base / configured;
    if (std::filesystem::exists(candidate, ec)) return candidate;
  }
  return std::filesystem::absolute(configured, ec);
}

Config make_config(const Settings& s) {
  Config c{.settings = s};
  c.server.host = s.text("http.host");
  c.server.port = static_cast<std::uint16_t>(s.integer("http.port"));
  const auto threads = s.integer("http.threads");
  c.server.threads = threads > 0 ? static_cast<unsigned>(threads) : std::max(1u, std::thread::hardware_concurrency());
  c.server.max_body_bytes = s.byte_size("http.max_body_bytes");
  // Photo uploads have their own limit (the faces module's, plus the multipart envelope).
  c.server.route_body_limits.push_back(http::photo_upload_body_limit(faces::PhotoLimits{}));
  c.server.max_header_bytes = s.byte_size("http.max_header_bytes");
  c.server.read_timeout = std::chrono::milliseconds(s.integer("http.read_timeout_ms"));
  c.server.shutdown_grace = std::chrono::milliseconds(s.integer("http.shutdown_grace_ms"));
  c.cors_origins = s.list("http.cors_origins");
  c.public_base_url = s.text("http.public_base_url");
  c.data_dir = s.text("data.dir");
  c.database_url = s.text("database.url");
  c.blob_url = s.text("blob.url");
  c.blob_signing_secret = s.text("blob.signing_secret");
  c.signing_secret_file = c.data_dir / "secrets" / "blob_signing.key";
  c.web_dir = resolve_web_dir(s.text("web.dir"));
  c.workers = static_cast<int>(s.integer("workers"));
  c.log_level = to_level(s.text("log.level"));
  c.shop_name = s.text("shop.name");
  return c;
}

}  // namespace storyloom::app
