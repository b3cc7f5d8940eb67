// Mono 16-bit PCM audio: what narrators produce and the MP3 encoder consumes.
#pragma once

#include <cstdint>
#include <vector>

namespace storyloom::voice {

struct Pcm {
  int sample_rate = 22050;
  std::vector<std::int16_t> samples;

  double seconds() const { return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0; }
  void append_silence(double seconds) {
    samples.insert(samples.end(), static_cast<std::size_t>(seconds * sample_rate), std::int16_t{0});
  }
};

}  // namespace storyloom::voice
