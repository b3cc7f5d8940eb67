// Reading whole files in integration tests: a file's bytes, and a shared test photo.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace harness {

// The whole file; empty when it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// tests/data/photos/<name>, or under $STORYLOOM_TESTDATA_DIR when set.
inline std::string testdata_photo(const std::string& name) {
  const char* dir = std::getenv("STORYLOOM_TESTDATA_DIR");
  return read_file(std::string(dir && *dir ? dir : STORYLOOM_TESTDATA_DIR) + "/photos/" + name);
}

}  // namespace harness
