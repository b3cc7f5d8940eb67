// The embedded narrator: libespeak-ng, synthesizing in memory (no sound device).
// espeak-ng keeps global state, so every instance shares one engine behind a mutex; speak() is
// thread-safe and serialized.
#pragma once

#include <string>

#include "voice/narrator.hpp"

namespace storyloom::voice {

struct EspeakSettings {
  std::string voice = "en-us";   // espeak-ng voice name, optionally with a variant: "en-gb+f3"
  int words_per_minute = 140;    // a calm bedtime pace (espeak's default is 175)
  int pitch = 55;                // 0..100, espeak's default 50
};

class EspeakNarrator final : public Narrator {
 public:
  explicit EspeakNarrator(EspeakSettings settings = {}) : settings_(std::move(settings)) {}
  core::Result<Pcm> speak(std::string_view text) override;
  const char* name() const override { return "espeak-ng"; }

 private:
  EspeakSettings settings_;
};

}  // namespace storyloom::voice
