// Interim settings for `storyloom worker` and `storyloom cleanup` until the app's settings
// registry (branch httpapp) is on main: the same names and defaults (data.dir, database.url,
// blob.url's default, workers), read from STORYLOOM_* or the command line. The lead replaces
// this with Config + build_services at merge time (docs/jobs.md, "Wiring").
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "blob/file_store.hpp"
#include "blob/url_signer.hpp"
#include "core/error.hpp"
#include "sql/database.hpp"

namespace storyloom::app {

struct GenerationEnvironment {
  std::filesystem::path data_dir;   // STORYLOOM_DATA_DIR, default ./storyloom-data
  std::string database_url;         // STORYLOOM_DATABASE_URL, default sqlite://<data dir>/storyloom.db
  int workers = 2;                  // STORYLOOM_WORKERS
};

GenerationEnvironment read_generation_environment();

struct OpenedStores {
  std::shared_ptr<sql::Database> db;
  std::unique_ptr<blob::UrlSigner> signer;
  std::unique_ptr<blob::FileStore> blobs;
};

// Opens (and migrates) the database and the file blob store under the data directory.
core::Result<OpenedStores> open_stores(const GenerationEnvironment& env);

}  // namespace storyloom::app
