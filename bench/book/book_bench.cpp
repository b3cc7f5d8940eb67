// Times one whole book from the orchestration down: story, 16 pictures from the test-only
// gradient illustrator (so the figure is the print pipeline's own cost, not the art's), the
// preview, interior and cover PDFs. Usage: bench_book [theme] [age] [out-dir]
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "catalog/catalog.hpp"
#include "print/book_maker.hpp"
#include "story/template_writer.hpp"
#include "support/gradient_art.hpp"

using namespace storyloom;

namespace {

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string theme = argc > 1 ? argv[1] : "enchanted-forest";
  const int age = argc > 2 ? std::atoi(argv[2]) : 6;
  const std::filesystem::path out = argc > 3 ? argv[3] : "";
  auto loaded = catalog::load_catalog(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog");
  if (!loaded) return std::cerr << loaded.error().message << "\n", 2;
  auto cat = std::make_shared<const catalog::Catalog>(std::move(*loaded));
  auto writer = story::TemplateWriter::create(cat);
  if (!writer) return std::cerr << writer.error().message << "\n", 2;
  const long rss_before = peak_rss_mb();
  const double cpu_before = cpu_seconds();
  print::BookMaker maker(cat, **writer, {test_support::gradient_illustrate, nullptr, test_support::stripe_watermark});
  story::Child child{"Emma", age, story::Pronouns::she, story::Companion{"Biscuit", "dog"}, "purple", "Leeds"};
  auto book = maker.make({{child, theme, 7}}, nullptr);
  if (!book) return std::cerr << book.error().message << "\n", 1;
  if (!out.empty()) {
    std::filesystem::create_directories(out);
    std::ofstream(out / "interior.pdf", std::ios::binary) << book->interior.bytes;
    std::ofstream(out / "cover.pdf", std::ios::binary) << book->cover->pdf.bytes;
    std::ofstream(out / "preview.pdf", std::ios::binary) << book->preview->bytes;
  }
  nlohmann::json report{{"theme", theme},
                        {"age", age},
                        {"wall_seconds", book->seconds_total},
                        {"cpu_seconds", cpu_seconds() - cpu_before},
                        {"first_preview_picture_seconds", book->seconds_to_first_preview_picture},
                        {"peak_rss_mb", peak_rss_mb()},
                        {"rss_before_mb", rss_before},
                        {"interior_mb", book->interior.bytes.size() / 1e6},
                        {"cover_mb", book->cover->pdf.bytes.size() / 1e6},
                        {"preview_mb", book->preview->bytes.size() / 1e6},
                        {"interior_pages", book->interior.page_count}};
  std::cout << report.dump(2) << "\n";
  return 0;
}
