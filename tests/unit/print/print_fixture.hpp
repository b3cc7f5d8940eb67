// Shared set-up for print tests: the shipped catalog, a written story and the test-only
// gradient illustrator wired as ArtSteps.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "../../support/gradient_art.hpp"
#include "catalog/catalog.hpp"
#include "print/book_maker.hpp"
#include "story/template_writer.hpp"

namespace storyloom::test_support {

inline std::shared_ptr<const catalog::Catalog> shipped_catalog() {
  static auto c = [] {
    auto r = catalog::load_catalog(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog");
    if (!r) throw std::runtime_error(r.error().message);
    return std::make_shared<const catalog::Catalog>(std::move(*r));
  }();
  return c;
}

// The shipped catalog drawn at 72 ppi: for tests of orchestration, where pixels do not matter.
inline std::shared_ptr<const catalog::Catalog> low_res_catalog() {
  static auto c = [] {
    auto copy = std::make_shared<catalog::Catalog>(*shipped_catalog());
    copy->print.interior_ppi = 72;
    copy->print.min_ppi = 72;
    copy->print.preview_px = 256;
    return std::shared_ptr<const catalog::Catalog>(copy);
  }();
  return c;
}

inline const story::TemplateWriter& shipped_writer() {
  static auto w = [] {
    auto r = story::TemplateWriter::create(shipped_catalog());
    if (!r) throw std::runtime_error(r.error().message);
    return std::move(*r);
  }();
  return *w;
}

inline print::ArtSteps gradient_art() { return {gradient_illustrate, nullptr, stripe_watermark}; }

inline std::filesystem::path temp_file(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("storyloom-print-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// Runs a command and returns its standard output (for poppler's independent checks).
inline std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

}  // namespace storyloom::test_support
