// Test fixture: a PhotoLibrary over a migrated temp database (SQLite, or PostgreSQL under
// scripts/with-postgres) and a file blob store, with the real face model, a manual clock and a
// count of how often the model was asked for.
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "../books/temp_database.hpp"
#include "blob/file_store.hpp"
#include "photos/photo_library.hpp"

namespace storyloom::test_support {

inline std::string shared_photo(const std::string& name) {
  const char* dir = std::getenv("STORYLOOM_TESTDATA_DIR");
  const std::string path = std::string(dir && *dir ? dir : STORYLOOM_TESTDATA_DIR) + "/photos/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct LibraryFixture {
  TempDatabase t;
  core::ManualClock clock;
  blob::UrlSigner signer{"secret", clock};
  blob::FileStore blobs{t.dir / "blobs", signer};
  std::atomic<int> model_asked{0};
  photos::PhotoLibrary library{t.db, blobs, clock, [this] {
                                 ++model_asked;
                                 return faces::FaceModel::shared();
                               }};

  std::int64_t rows() { return t.count("SELECT COUNT(*) AS n FROM photos"); }
  std::size_t stored_blobs() {
    const auto dir = t.dir / "blobs" / "photos";
    if (!std::filesystem::exists(dir)) return 0;
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
  }
};

}  // namespace storyloom::test_support
