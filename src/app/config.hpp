// The typed configuration of the foundation, read from validated Settings. Modules with
// settings of their own read them from `settings` (Settings::text/integer/...) or build their
// own typed struct from it in their own file.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/settings.hpp"
#include "core/log.hpp"
#include "http/server.hpp"

namespace storyloom::app {

struct Config {
  http::ServerOptions server;             // host, port, threads, limits, timeouts
  std::vector<std::string> cors_origins;
  std::string public_base_url;
  std::filesystem::path data_dir;
  std::string database_url;
  std::string blob_url;
  std::string blob_signing_secret;        // empty: generated into signing_secret_file
  std::filesystem::path signing_secret_file;
  std::filesystem::path web_dir;          // resolved (see resolve_web_dir)
  int workers = 2;
  core::LogLevel log_level = core::LogLevel::info;
  std::string shop_name;
  Settings settings;                      // every setting, for modules that add their own
};

Config make_config(const Settings& settings);

// A relative web dir is looked up from the working directory, then from the repository (the
// directory above the executable's build folder); the first that exists wins.
std::filesystem::path resolve_web_dir(const std::filesystem::path& configured);

}  // namespace storyloom::app
