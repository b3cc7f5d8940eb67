#include "blob/file_store.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/crypto.hpp"

namespace storyloom::blob {
namespace {

namespace fs = std::filesystem;

core::Error io_error(std::string_view what, std::string_view key) {
  return core::Error{core::ErrorKind::unavailable, "blob_io_error",
                     fmt::format("Storage {} failed for '{}': {}", what, key, std::strerror(errno))};
}

// Writes all bytes and fsyncs, so the rename below publishes complete data only.
bool write_file_durably(const fs::path& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  const bool ok = ::fsync(fd) == 0;
  return ::close(fd) == 0 && ok;
}

// A half-written file's writer: the pid its name starts with ("<pid>-<random>"), 0 when none.
pid_t writer_of(const std::string& name) {
  long pid = 0;
  for (char c : name) {
    if (c == '-') return static_cast<pid_t>(pid);
    if (c < '0' || c > '9' || pid > 4'194'304) return 0;
    pid = pid * 10 + (c - '0');
  }
  return 0;
}

bool process_alive(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

}  // namespace

FileStore::FileStore(fs::path root, const UrlSigner& signer)
    : root_(std::move(root)), incoming_(root_ / kIncoming), signer_(signer) {
  fs::create_directories(incoming_);
  remove_abandoned_writes();
}

// What a killed writer left: files of processes that are gone, and anything a day old (a
// writer in another pid namespace, or a pid used again).
void FileStore::remove_abandoned_writes() {
  const auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(incoming_, ec)) {
    std::error_code entry_ec;
    const auto written = entry.last_write_time(entry_ec);
    if (!process_alive(writer_of(entry.path().filename().string())) || (!entry_ec && written < day_ago))
      fs::remove(entry.path(), entry_ec);
  }
}

core::Result<fs::path> FileStore::path_of(std::string_view key) const {
  if (auto ok = validate_key(key); !ok) return std::unexpected(ok.error());
  return root_ / fs::path(std::string(key));
}

core::Result<void> FileStore::put(std::string_view key, std::string_view bytes) {
  auto path = path_of(key);
  if (!path) return std::unexpected(path.error());
  std::error_code ec;
  fs::create_directories(path->parent_path(), ec);
  if (ec) return std::unexpected(io_error("mkdir", key));
  // The temporary name is unique per write, so concurrent writers of one key never mix bytes, and
  // outside the key's folder, so a writer killed mid-write leaves nothing beside the keys.
  const fs::path tmp = incoming_ / fmt::format("{}-{}", ::getpid(), core::to_hex(core::random_bytes(8)));
  if (!write_file_durably(tmp, bytes)) {
    const core::Error e = io_error("write", key);
    fs::remove(tmp, ec);
    return std::unexpected(e);
  }
  if (::rename(tmp.c_str(), path->c_str()) != 0) {
    const core::Error e = io_error("rename", key);
    fs::remove(tmp, ec);
    return std::unexpected(e);
  }
  return {};
}

core::Result<std::string> FileStore::get(std::string_view key) {
  auto path = path_of(key);
  if (!path) return std::unexpected(path.error());
  std::ifstream in(*path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT || !fs::exists(*path))
      return core::fail(core::ErrorKind::not_found, "blob_not_found", fmt::format("No stored file '{}'.", key));
    return std::unexpected(io_error("read", key));
  }
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

core::Result<void> FileStore::remove(std::string_view key) {
  auto path = path_of(key);
  if (!path) return std::unexpected(path.error());
  std::error_code ec;
  fs::remove(*path, ec);
  if (ec) return std::unexpected(io_error("remove", key));
  return {};
}

core::Result<bool> FileStore::exists(std::string_view key) {
  auto path = path_of(key);
  if (!path) return std::unexpected(path.error());
  std::error_code ec;
  return fs::is_regular_file(*path, ec);
}

core::Result<std::int64_t> FileStore::remove_prefix(std::string_view prefix) {
  std::string dir(prefix);
  while (!dir.empty() && dir.back() == '/') dir.pop_back();
  auto path = path_of(dir);
  if (!path) return std::unexpected(path.error());
  std::error_code ec;
  if (!fs::exists(*path, ec)) return 0;
  std::int64_t files = 0;
  for (auto it = fs::recursive_directory_iterator(*path, ec); !ec && it != fs::recursive_directory_iterator(); ++it)
    if (it->is_regular_file()) ++files;
  fs::remove_all(*path, ec);
  if (ec) return std::unexpected(io_error("remove", prefix));
  return files;
}

core::Result<std::string> FileStore::signed_url(std::string_view key, std::chrono::seconds ttl) {
  if (auto ok = validate_key(key); !ok) return std::unexpected(ok.error());
  return signer_.sign(key, ttl);
}

core::Result<void> FileStore::check_writable() {
  const std::string key = "_health/probe-" + core::to_hex(core::random_bytes(4));
  if (auto ok = put(key, "ok"); !ok) return ok;
  return remove(key);
}

}  // namespace storyloom::blob
