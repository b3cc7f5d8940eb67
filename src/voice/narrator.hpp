// Narrator port: turns one passage of text into speech. The embedded default is espeak-ng;
// a cloud text-to-speech adapter can follow behind the same interface.
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "voice/pcm.hpp"

namespace storyloom::voice {

class Narrator {
 public:
  virtual ~Narrator() = default;
  // Speaks UTF-8 text. Fails with unavailable (narrator_unavailable) when the engine is missing.
  virtual core::Result<Pcm> speak(std::string_view text) = 0;
  virtual const char* name() const = 0;  // for generation_log
};

}  // namespace storyloom::voice
