// Page render timings: one page at preview (1024 px) and print (3075 px) size.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "art/encode.hpp"
#include "art/vector_illustrator.hpp"
#include "core/jpeg.hpp"

using namespace storyloom;

static art::VectorIllustrator& illustrator() {
  static auto loaded = art::VectorIllustrator::load(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog" / "art");
  return **loaded;
}

static void BM_RenderPage(benchmark::State& state) {
  const int size = static_cast<int>(state.range(0));
  core::IllustrationBrief brief{"enchanted-forest", "forest-path", "walking", "joyful", "day", "medium", {"lantern"}, true, "fox"};
  std::uint64_t seed = 1;
  for (auto _ : state) {
    auto page = illustrator().illustrate(brief, core::HeroLook{}, size, size, seed++);
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_RenderPage)->Arg(1024)->Arg(3075)->Unit(benchmark::kMillisecond);

// Loading and validating every kit and parsing every picture: paid once per process.
static void BM_LoadKits(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = art::VectorIllustrator::load(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog" / "art");
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_LoadKits)->Unit(benchmark::kMillisecond);

// A busy page: many sprites, a companion, props and sparkles, at print size.
static void BM_RenderBusyPrintPage(benchmark::State& state) {
  core::IllustrationBrief brief{"under-the-sea", "coral-reef", "celebrating", "triumphant", "sunset", "wide",
                                {"treasure", "shell"}, true, "dragon"};
  std::uint64_t seed = 1;
  for (auto _ : state) {
    auto page = illustrator().illustrate(brief, core::HeroLook{}, 3075, 3075, seed++);
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_RenderBusyPrintPage)->Unit(benchmark::kMillisecond);

// Encoding the results the way print and previews consume them.
static void BM_EncodePrintPng(benchmark::State& state) {
  core::IllustrationBrief brief{"enchanted-forest", "forest-path", "walking", "joyful", "day", "medium", {}, false, ""};
  auto page = illustrator().illustrate(brief, core::HeroLook{}, 3075, 3075, 1);
  for (auto _ : state) benchmark::DoNotOptimize(art::encode_png(page->image));
}
BENCHMARK(BM_EncodePrintPng)->Unit(benchmark::kMillisecond);

static void BM_EncodePrintJpeg(benchmark::State& state) {
  core::IllustrationBrief brief{"enchanted-forest", "forest-path", "walking", "joyful", "day", "medium", {}, false, ""};
  auto page = illustrator().illustrate(brief, core::HeroLook{}, 3075, 3075, 1);
  for (auto _ : state) benchmark::DoNotOptimize(core::encode_jpeg(page->image, {.quality = 92}));
}
BENCHMARK(BM_EncodePrintJpeg)->Unit(benchmark::kMillisecond);

static void BM_EncodePreviewJpeg(benchmark::State& state) {
  core::IllustrationBrief brief{"enchanted-forest", "forest-path", "walking", "joyful", "day", "medium", {}, false, ""};
  auto page = illustrator().illustrate(brief, core::HeroLook{}, 1024, 1024, 1);
  for (auto _ : state) benchmark::DoNotOptimize(core::encode_jpeg(page->image, {.quality = 85}));
}
BENCHMARK(BM_EncodePreviewJpeg)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
