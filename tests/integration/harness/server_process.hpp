// Starts the real storyloom binary for a test: `serve --port 0` in a fresh temp data directory,
// reads the bound port from its "listening" log line, waits for /health, and stops it with
// SIGTERM. Also runs one-shot commands (config, migrate) and captures their output.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace harness {

using Env = std::map<std::string, std::string>;

// A fresh directory under /tmp, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class ServerProcess {
 public:
  // Starts `storyloom serve --port 0 --data-dir <temp>/data <extra_args>` with the test's
  // environment minus STORYLOOM_* variables, plus `env` (by default with
  // STORYLOOM_FACES_LOAD_MODEL=first_photo: the face model loads with the first photo). Fails the current test (and answers
  // nullptr) when the server does not come up within 10 s.
  static std::unique_ptr<ServerProcess> start(const Env& env = {}, const std::vector<std::string>& extra_args = {});
  ~ServerProcess();  // SIGKILL if still running

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string url(const std::string& path) const;
  std::filesystem::path data_dir() const { return temp_.path() / "data"; }
  std::string log() const;  // everything the server wrote to stderr so far
  // The log once it contains `text` (the server writes info lines in batches, ~25 ms apart), or
  // as it is after `timeout`.
  std::string log_containing(std::string_view text, std::chrono::milliseconds timeout = std::chrono::seconds(2)) const;

  void signal(int sig) const;
  // Waits for the process to exit; answers its exit code, 128+signal if killed by one, or -1 on
  // timeout.
  int wait(std::chrono::milliseconds timeout);
  // SIGTERM, then wait.
  int stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // Starts the server again on the same data directory with the same arguments and environment
  // (after it exited or was killed; SIGKILLs it first if not). The earlier run's log moves to
  // server.<n>.log. Fails the current test (and answers false) like start() does.
  bool restart();

 private:
  ServerProcess() = default;
  bool launch();
  TempDir temp_;
  Env env_;
  std::vector<std::string> args_;
  int runs_ = 0;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// `storyloom <args>` running in the background (e.g. `worker`) until stop() or destruction
// (SIGTERM, then SIGKILL after 10 s); its stderr is kept for log().
class BackgroundCommand {
 public:
  static std::unique_ptr<BackgroundCommand> start(const std::vector<std::string>& args, const Env& env = {});
  ~BackgroundCommand();
  int stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));  // exit code as in wait()
  std::string log() const;

 private:
  BackgroundCommand() = default;
  TempDir temp_;
  pid_t pid_ = -1;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `storyloom <args>` to completion (at most `timeout`) with a clean STORYLOOM_* environment
// plus `env`.
CommandResult run_storyloom(const std::vector<std::string>& args, const Env& env = {},
                            std::chrono::milliseconds timeout = std::chrono::seconds(30));

// A shell command's standard output, without the trailing newlines.
std::string run_command(const std::string& cmd);

// Runs SQL on the server's SQLite file with the sqlite3 shell (WAL, so safe while it runs);
// answers the rows as sqlite3 prints them (columns separated by '|', rows by '\n').
std::string sqlite(const ServerProcess& s, const std::string& sql);

// A book in preview_ready (the state checkout starts from) written straight into the server's
// database as the books module writes it, with no pages or pictures: for tests of checkout,
// orders and ownership. Tests that need pictures make a real book. Answers its id.
std::string seed_previewed_book(const ServerProcess& s, const std::string& owner);

}  // namespace harness
