// Start-up, configuration errors, the config and migrate commands, and graceful shutdown.
#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include "harness/files.hpp"
#include "harness/http_client.hpp"
#include "harness/raw_client.hpp"
#include "harness/server_process.hpp"

using namespace harness;
using namespace std::chrono_literals;

TEST(Lifecycle, StartsOnAFreshDataDirectoryAndMigrates) {
  auto server = ServerProcess::start();
  ASSERT_NE(server, nullptr);
  EXPECT_TRUE(std::filesystem::exists(server->data_dir() / "storyloom.db"));
  const auto key = server->data_dir() / "secrets" / "blob_signing.key";
  ASSERT_TRUE(std::filesystem::exists(key));
  EXPECT_EQ(std::filesystem::status(key).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_EQ(server->stop(), 0);
}

TEST(Lifecycle, SigtermStopsWithExitZeroAfterFinishingInFlightRequests) {
  auto server = ServerProcess::start();
  ASSERT_NE(server, nullptr);
  RawClient idle(server->port());
  RawClient busy(server->port());
  // A request whose body is still arriving is in flight: the server must finish it.
  busy.send("POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345");
  std::this_thread::sleep_for(200ms);
  const auto began = std::chrono::steady_clock::now();
  server->signal(SIGTERM);
  std::this_thread::sleep_for(200ms);
  busy.send("67890");
  const auto answer = busy.read(3s);
  EXPECT_NE(answer.find("HTTP/1.1 405"), std::string::npos) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos);
  EXPECT_EQ(server->wait(5s), 0) << server->log();
  EXPECT_LT(std::chrono::steady_clock::now() - began, 5s);
  idle.read(1s);
  EXPECT_TRUE(idle.closed());
  EXPECT_NE(server->log().find("\"shutdown requested\""), std::string::npos);
}

// The default (faces.load_model=at_start): the model loads in the background once serve listens.
TEST(Lifecycle, LoadsTheFaceModelInTheBackgroundAtStart) {
  auto server = ServerProcess::start({{"STORYLOOM_FACES_LOAD_MODEL", "at_start"}});
  ASSERT_NE(server, nullptr);
  const auto log = server->log_containing("\"face_model_loaded\"", 60s);
  EXPECT_NE(log.find("\"face_model_loaded\""), std::string::npos) << log;
}

TEST(Lifecycle, SigintAlsoStopsCleanly) {
  auto server = ServerProcess::start();
  ASSERT_NE(server, nullptr);
  server->signal(SIGINT);
  EXPECT_EQ(server->wait(5s), 0);
}

// The environment the running server was started with, one VAR=value a line; empty for a
// sanitized binary, whose allocator ignores glibc's settings (so it never restarts).
std::string environment_of_unsanitized(const ServerProcess& server) {
  const auto proc = std::filesystem::path("/proc") / std::to_string(server.pid());
  if (read_file(proc / "maps").find("libasan") != std::string::npos) return {};
  std::string environ = read_file(proc / "environ");
  std::replace(environ.begin(), environ.end(), '\0', '\n');
  return "\n" + environ;
}

// main() starts the process again with glibc.malloc.hugetlb=1 (app/huge_pages.cpp): the server
// that answers is that second image, under the same pid.
TEST(Lifecycle, TheServerRunsWithHugePagesForPictureBuffers) {
  auto server = ServerProcess::start();
  ASSERT_NE(server, nullptr);
  const std::string environ = environment_of_unsanitized(*server);
  if (environ.empty()) GTEST_SKIP() << "sanitized binary";
  EXPECT_NE(environ.find("\nGLIBC_TUNABLES=glibc.malloc.hugetlb=1\n"), std::string::npos);
  // Started again by its own path, so ps and top still call it storyloom (not "exe").
  EXPECT_EQ(read_file(std::filesystem::path("/proc") / std::to_string(server->pid()) / "comm"), "storyloom\n");
  EXPECT_EQ(server->stop(), 0);
}

TEST(Lifecycle, AnOperatorsOwnHugePagesSettingIsKept) {
  auto server = ServerProcess::start({{"GLIBC_TUNABLES", "glibc.malloc.hugetlb=0"}});
  ASSERT_NE(server, nullptr);
  const std::string environ = environment_of_unsanitized(*server);
  if (environ.empty()) GTEST_SKIP() << "sanitized binary";
  EXPECT_NE(environ.find("\nGLIBC_TUNABLES=glibc.malloc.hugetlb=0\n"), std::string::npos);
  EXPECT_EQ(environ.find("hugetlb=1"), std::string::npos);
  EXPECT_EQ(server->stop(), 0);
}

TEST(Lifecycle, BadConfigurationExitsWithCode2NamingTheSetting) {
  TempDir dir;
  const auto r = run_storyloom({"serve", "--data-dir", dir.path().string()}, {{"STORYLOOM_HTTP_PORT", "eighty"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("http.port"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("STORYLOOM_HTTP_PORT"), std::string::npos) << r.err;

  const auto flag = run_storyloom({"serve", "--port", "99999", "--data-dir", dir.path().string()});
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_NE(flag.err.find("--port"), std::string::npos) << flag.err;

  const auto conf = dir.path() / "bad.conf";
  std::ofstream(conf) << "[http]\nthreads = many\n";
  const auto file = run_storyloom({"serve", "--config", conf.string(), "--data-dir", dir.path().string()});
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_NE(file.err.find("http.threads"), std::string::npos) << file.err;
}

TEST(Lifecycle, ConfigCommandListsSettingsAndMasksSecrets) {
  const std::string secret = "s3cr3t-value-that-must-never-be-printed-0123456789";
  const auto r = run_storyloom({"config", "--port", "9999"},
                               {{"STORYLOOM_BLOB_SIGNING_SECRET", secret}, {"STORYLOOM_SHOP_NAME", "Moon Books"}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find(secret), std::string::npos);
  EXPECT_NE(r.out.find("blob.signing_secret"), std::string::npos);
  EXPECT_NE(r.out.find("********"), std::string::npos);
  EXPECT_NE(r.out.find("Moon Books"), std::string::npos);
  EXPECT_NE(r.out.find("STORYLOOM_SHOP_NAME"), std::string::npos);
  EXPECT_NE(r.out.find("9999"), std::string::npos);
  EXPECT_NE(r.out.find("--port"), std::string::npos);
  EXPECT_NE(r.out.find("http.max_body_bytes"), std::string::npos);
}

TEST(Lifecycle, MigrateAppliesOnceThenReportsUpToDate) {
  TempDir dir;
  const auto first = run_storyloom({"migrate", "--data-dir", dir.path().string()});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("applied 0001"), std::string::npos) << first.out;
  const auto second = run_storyloom({"migrate", "--data-dir", dir.path().string()});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_NE(second.out.find("up to date"), std::string::npos) << second.out;
}

TEST(Lifecycle, HelpWorksOnEveryCommand) {
  for (const auto& cmd : {"serve", "migrate", "config", "version"}) {
    const auto r = run_storyloom({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("--help"), std::string::npos) << cmd;
  }
}

TEST(Lifecycle, ServesTheBuiltWebAppWithCachingRules) {
  TempDir web;
  std::filesystem::create_directories(web.path() / "assets");
  std::ofstream(web.path() / "index.html") << "<!doctype html><title>app</title><div id=app></div>";
  std::ofstream(web.path() / "assets" / "index-abc123.js") << "console.log('storyloom')";
  auto server = ServerProcess::start({{"STORYLOOM_WEB_DIR", web.path().string()}});
  ASSERT_NE(server, nullptr);
  const auto index = get(server->url("/"));
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("id=app"), std::string::npos);
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  const auto route = get(server->url("/books/bk_1"));
  EXPECT_NE(route.body.find("id=app"), std::string::npos);  // client-side route
  const auto asset = get(server->url("/assets/index-abc123.js"));
  EXPECT_EQ(asset.status, 200);
  EXPECT_NE(asset.header("content-type").find("javascript"), std::string::npos);
  EXPECT_NE(asset.header("cache-control").find("immutable"), std::string::npos);
  EXPECT_EQ(get(server->url("/assets/missing.js")).status, 404);
  EXPECT_EQ(get(server->url("/%2e%2e/%2e%2e/etc/passwd")).status, 404);
  EXPECT_EQ(server->stop(), 0);
}
