#include "blob/url_signer.hpp"

#include <sys/stat.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/crypto.hpp"

namespace storyloom::blob {

std::string UrlSigner::signature(std::string_view key, std::int64_t exp) const {
  // The newline keeps (key, exp) pairs unambiguous: keys cannot contain one.
  return core::to_hex(core::hmac_sha256(secret_, fmt::format("{}\n{}", key, exp)));
}

std::string UrlSigner::sign(std::string_view key, std::chrono::seconds ttl) const {
  const std::int64_t exp = clock_.unix_seconds() + ttl.count();
  return fmt::format("{}/files/{}?exp={}&sig={}", base_url_, key, exp, signature(key, exp));
}

core::Result<void> UrlSigner::verify(std::string_view key, std::string_view exp, std::string_view sig) const {
  std::int64_t expires = 0;
  const auto [end, ec] = std::from_chars(exp.data(), exp.data() + exp.size(), expires);
  if (ec != std::errc{} || end != exp.data() + exp.size() || exp.empty() ||
      !core::constant_time_equal(signature(key, expires), sig))
    return core::fail(core::ErrorKind::forbidden, "link_invalid", "This link is not valid.");
  if (expires < clock_.unix_seconds())
    return core::fail(core::ErrorKind::forbidden, "link_expired", "This link has expired; ask for a new one.");
  return {};
}

core::Result<std::string> load_or_create_secret(const std::string& path) {
  if (std::ifstream in(path); in) {
    std::stringstream text;
    text << in.rdbuf();
    std::string secret = text.str();
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == ' ')) secret.pop_back();
    if (secret.size() < 32)
      return core::fail(core::ErrorKind::internal, "secret_too_short", fmt::format("{} holds a secret shorter than 32 characters", path));
    return secret;
  }
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  const std::string secret = core::to_hex(core::random_bytes(32));
  const std::string tmp = path + ".tmp";
  {
    const mode_t old = ::umask(077);  // created 0600 from the start, never world-readable
    std::ofstream out(tmp, std::ios::trunc);
    ::umask(old);
    out << secret << "\n";
    if (!out) return core::fail(core::ErrorKind::internal, "secret_unwritable", fmt::format("cannot write {}", tmp));
  }
  ::chmod(tmp.c_str(), 0600);
  std::filesystem::rename(tmp, path);
  return secret;
}

}  // namespace storyloom::blob
