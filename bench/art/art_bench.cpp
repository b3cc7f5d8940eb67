// Page render timings: one page at preview (1024 px) and print (3075 px) size.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "art/vector_illustrator.hpp"

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
BENCHMARK_MAIN();
