// The embedded blob store: files under a root directory (normally <data dir>/blobs).
// Writes go to a temporary file under <root>/.incoming (the same file system), are fsync'd, then
// renamed into place; opening the store removes what writers killed mid-write left there.
#pragma once

#include <filesystem>

#include "blob/store.hpp"
#include "blob/url_signer.hpp"

namespace storyloom::blob {

class FileStore final : public Store {
 public:
  FileStore(std::filesystem::path root, const UrlSigner& signer);

  core::Result<void> put(std::string_view key, std::string_view bytes) override;
  core::Result<std::string> get(std::string_view key) override;
  core::Result<void> remove(std::string_view key) override;
  core::Result<bool> exists(std::string_view key) override;
  core::Result<std::int64_t> remove_prefix(std::string_view prefix) override;
  core::Result<std::string> signed_url(std::string_view key, std::chrono::seconds ttl) override;
  core::Result<void> check_writable() override;

  // The file behind a key, for serving with ranges (the /files route).
  core::Result<std::filesystem::path> path_of(std::string_view key) const;

  // Files being written wait here (never a key: keys have no segment starting with '.') and are
  // renamed into place when complete.
  static constexpr const char* kIncoming = ".incoming";

 private:
  void remove_abandoned_writes();

  std::filesystem::path root_;
  std::filesystem::path incoming_;
  const UrlSigner& signer_;
};

}  // namespace storyloom::blob
