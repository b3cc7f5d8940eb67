#include "harness/server_process.hpp"

#include <fcntl.h>
#include <cstdio>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/files.hpp"
#include "harness/http_client.hpp"

extern char** environ;

namespace harness {

namespace {

// The storyloom binary these tests run: the one built beside them, or STORYLOOM_TEST_BINARY's
// (scripts/run-tests points it at the sanitizer build, so the test code is compiled only once).
std::string binary_under_test() {
  const char* other = std::getenv("STORYLOOM_TEST_BINARY");
  return other && *other ? other : STORYLOOM_BINARY;
}

// Forks and execs the binary with stdout/stderr redirected to files.
pid_t spawn(const std::vector<std::string>& args, const Env& env, const std::filesystem::path& out,
            const std::filesystem::path& err) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e)
    if (!std::string_view(*e).starts_with("STORYLOOM_")) env_strings.emplace_back(*e);
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<std::string> argv_strings{binary_under_test()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());

  std::vector<char*> argv, envp;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid == 0) {
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(o, 1);
    ::dup2(e, 2);
    const int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  return pid;
}

int wait_for(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
      return -1;
    }
    if (std::chrono::steady_clock::now() > deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// The port from the server's {"msg":"listening","port":N} log line, or 0.
std::uint16_t port_from_log(const std::string& log) {
  std::istringstream lines(log);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find("\"listening\"") == std::string::npos) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded() && j.value("msg", "") == "listening") return j.value("port", 0);
  }
  return 0;
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "storyloom-it-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::unique_ptr<ServerProcess> ServerProcess::start(const Env& env, const std::vector<std::string>& extra_args) {
  std::unique_ptr<ServerProcess> p(new ServerProcess());
  p->env_ = env;
  // The face model loads when a test's first photo needs it: most test servers never see one,
  // and under the sanitizers the load costs ~1.5 CPU-s a start. Lifecycle tests the default.
  p->env_.emplace("STORYLOOM_FACES_LOAD_MODEL", "first_photo");
  p->args_ = {"serve", "--port", "0", "--data-dir", p->data_dir().string()};
  p->args_.insert(p->args_.end(), extra_args.begin(), extra_args.end());
  if (!p->launch()) return nullptr;
  return p;
}

bool ServerProcess::restart() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait_for(pid_, std::chrono::seconds(5));
    pid_ = -1;
  }
  std::error_code ec;
  std::filesystem::rename(temp_.path() / "server.log", temp_.path() / ("server." + std::to_string(runs_) + ".log"), ec);
  port_ = 0;
  return launch();
}

bool ServerProcess::launch() {
  ++runs_;
  pid_ = spawn(args_, env_, temp_.path() / "stdout.log", temp_.path() / "server.log");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (port_ == 0 && std::chrono::steady_clock::now() < deadline) {
    port_ = port_from_log(log());
    if (port_ == 0) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        ADD_FAILURE() << "server exited during start-up:\n" << log();
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  if (port_ == 0) {
    ADD_FAILURE() << "server did not log its port within 10 s:\n" << log();
    return false;
  }
  while (std::chrono::steady_clock::now() < deadline) {
    if (get(url("/health")).status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "server did not answer /health:\n" << log();
  return false;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait_for(pid_, std::chrono::seconds(5));
  }
}

std::string ServerProcess::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::string ServerProcess::log() const { return read_file(temp_.path() / "server.log"); }

std::string ServerProcess::log_containing(std::string_view text, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string current = log();
  while (current.find(text) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    current = log();
  }
  return current;
}

void ServerProcess::signal(int sig) const {
  if (pid_ > 0) ::kill(pid_, sig);
}

int ServerProcess::wait(std::chrono::milliseconds timeout) {
  const int code = wait_for(pid_, timeout);
  if (code != -1) pid_ = -1;
  return code;
}

int ServerProcess::stop(std::chrono::milliseconds timeout) {
  signal(SIGTERM);
  return wait(timeout);
}

std::unique_ptr<BackgroundCommand> BackgroundCommand::start(const std::vector<std::string>& args, const Env& env) {
  std::unique_ptr<BackgroundCommand> c(new BackgroundCommand());
  c->pid_ = spawn(args, env, c->temp_.path() / "out", c->temp_.path() / "err");
  return c;
}

BackgroundCommand::~BackgroundCommand() {
  if (pid_ > 0) stop();
}

int BackgroundCommand::stop(std::chrono::milliseconds timeout) {
  ::kill(pid_, SIGTERM);
  int code = wait_for(pid_, timeout);
  if (code == -1) {
    ::kill(pid_, SIGKILL);
    code = wait_for(pid_, std::chrono::seconds(5));
  }
  pid_ = -1;
  return code;
}

std::string BackgroundCommand::log() const { return read_file(temp_.path() / "err"); }

CommandResult run_storyloom(const std::vector<std::string>& args, const Env& env, std::chrono::milliseconds timeout) {
  TempDir temp;
  const pid_t pid = spawn(args, env, temp.path() / "out", temp.path() / "err");
  CommandResult r;
  r.exit_code = wait_for(pid, timeout);
  if (r.exit_code == -1) {
    ::kill(pid, SIGKILL);
    wait_for(pid, std::chrono::seconds(5));
  }
  r.out = read_file(temp.path() / "out");
  r.err = read_file(temp.path() / "err");
  return r;
}

std::string run_command(const std::string& cmd) {
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string sqlite(const ServerProcess& s, const std::string& sql) {
  return run_command("sqlite3 -cmd '.timeout 5000' '" + (s.data_dir() / "storyloom.db").string() + "' \"" + sql + "\"");
}

std::string seed_previewed_book(const ServerProcess& s, const std::string& owner) {
  static std::atomic<int> n = 0;
  const std::string id = "bk_it_seeded_" + std::to_string(++n);
  sqlite(s, "INSERT INTO books (id, owner_id, child, theme, style, seed, title, status, created_at, updated_at, "
            "status_changed_at, preview_ready_at, expires_at) VALUES ('" + id + "', '" + owner +
            "', '{}', 'enchanted-forest', 'storybook', 7, 'A book', 'preview_ready', "
            "strftime('%s','now'), strftime('%s','now'), strftime('%s','now'), strftime('%s','now'), "
            "strftime('%s','now') + 604800)");
  return id;
}

}  // namespace harness
