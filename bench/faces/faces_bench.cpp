// How long one photo takes to validate, end to end (decode, orientation, normalize, face search,
// landmarks, verdict, normalized JPEG), with the landmark model already loaded.
#include <benchmark/benchmark.h>

#include <random>

#include "faces/image_ops.hpp"
#include "photo_fixtures.hpp"

namespace {

using namespace storyloom;
using namespace storyloom::faces;

// A portrait of `width` x `height`: the astronaut enlarged to 3/4 of the height, on a grey
// backdrop, with sensor-like noise so the JPEG is as heavy to decode as a phone's.
std::string portrait_jpeg(int width, int height) {
  const core::Image face = resize(testing::load_shared("astronaut.png"), height * 3 / 4, height * 3 / 4);
  core::Image photo = testing::on_canvas(face, width, height, (width - face.width) / 2, height / 8);
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> noise(-6, 6);
  for (std::size_t i = 0; i < photo.pixels.size(); ++i)
    if (i % 4 != 3) photo.pixels[i] = static_cast<std::uint8_t>(std::clamp(photo.pixels[i] + noise(rng), 0, 255));
  return testing::as_jpeg(photo, 90);
}

void validate(benchmark::State& state, int width, int height) {
  const std::string jpeg = portrait_jpeg(width, height);
  const PhotoIntake& intake = testing::intake();  // loads the model before timing starts
  for (auto _ : state) {
    auto photo = intake.check(jpeg);
    if (!photo) state.SkipWithError(photo.error().code.c_str());
    benchmark::DoNotOptimize(photo);
  }
  state.counters["megapixels"] = width * height / 1e6;
  state.counters["jpeg_MB"] = static_cast<double>(jpeg.size()) / 1e6;
}

void BM_Validate12MegapixelJpeg(benchmark::State& state) { validate(state, 4000, 3000); }
void BM_Validate1MegapixelJpeg(benchmark::State& state) { validate(state, 1155, 866); }

BENCHMARK(BM_Validate12MegapixelJpeg)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Validate1MegapixelJpeg)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
