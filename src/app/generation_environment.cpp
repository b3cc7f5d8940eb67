#include "app/generation_environment.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "core/clock.hpp"
#include "sql/embedded_migrations.hpp"
#include "sql/migrations.hpp"

namespace storyloom::app {
namespace {
std::string env_or(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : std::move(fallback);
}
}  // namespace

GenerationEnvironment read_generation_environment() {
  GenerationEnvironment env;
  env.data_dir = env_or("STORYLOOM_DATA_DIR", "./storyloom-data");
  env.database_url = env_or("STORYLOOM_DATABASE_URL", "sqlite://" + (env.data_dir / "storyloom.db").string());
  env.workers = std::atoi(env_or("STORYLOOM_WORKERS", "2").c_str());
  return env;
}

core::Result<OpenedStores> open_stores(const GenerationEnvironment& env) {
  std::error_code ec;
  std::filesystem::create_directories(env.data_dir / "blobs", ec);
  if (ec)
    return core::fail(core::ErrorKind::unavailable, "data_dir_unwritable",
                      fmt::format("cannot create {}: {}", env.data_dir.string(), ec.message()));
  OpenedStores s;
  auto db = sql::open_database(env.database_url, static_cast<std::size_t>(std::max(4, env.workers + 2)));
  if (!db) return std::unexpected(db.error());
  s.db = *db;
  if (auto applied = sql::migrate(*s.db, sql::embedded_migrations()); !applied) return std::unexpected(applied.error());
  std::filesystem::create_directories(env.data_dir / "secrets", ec);
  auto secret = blob::load_or_create_secret((env.data_dir / "secrets" / "blob_signing.key").string());
  if (!secret) return std::unexpected(secret.error());
  s.signer = std::make_unique<blob::UrlSigner>(*secret, core::system_clock());
  s.blobs = std::make_unique<blob::FileStore>(env.data_dir / "blobs", *s.signer);
  return s;
}

}  // namespace storyloom::app
