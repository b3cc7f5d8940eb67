// Blob storage port: photos, page images, PDFs, audio. Keys are relative paths made of
// [A-Za-z0-9._-] segments separated by '/', e.g. "books/bk_x/pages/01.jpg"; no "..", no
// leading '/', at most 512 characters. The content type follows from the key's extension.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace storyloom::blob {

class Store {
 public:
  virtual ~Store() = default;

  // Writes atomically: readers see the old object or the new one, never a partial one.
  virtual core::Result<void> put(std::string_view key, std::string_view bytes) = 0;
  // not_found (blob_not_found) when absent.
  virtual core::Result<std::string> get(std::string_view key) = 0;
  virtual core::Result<void> remove(std::string_view key) = 0;          // absent is fine
  virtual core::Result<bool> exists(std::string_view key) = 0;
  // Removes every key under a prefix ("books/bk_x/"); answers how many were removed.
  virtual core::Result<std::int64_t> remove_prefix(std::string_view prefix) = 0;
  // A URL a browser or a partner can fetch until `ttl` passes. For the file store it is our own
  // /files/<key>?exp=&sig= route (relative unless a public base URL is configured).
  virtual core::Result<std::string> signed_url(std::string_view key, std::chrono::seconds ttl) = 0;
  // Checks that the store can be written (readiness probe).
  virtual core::Result<void> check_writable() = 0;
};

// Key rules shared by every driver.
core::Result<void> validate_key(std::string_view key);
std::string content_type_for(std::string_view key);

}  // namespace storyloom::blob
