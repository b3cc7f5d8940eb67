// MP3 encoding of narration with libmp3lame: mono, constant bit rate.
#pragma once

#include <string>

#include "core/error.hpp"
#include "voice/pcm.hpp"

namespace storyloom::voice {

// Answers the MP3 bytes. 64 kbit/s mono is plenty for one voice and keeps a 10-page book small.
core::Result<std::string> encode_mp3(const Pcm& pcm, int kbps = 64);

}  // namespace storyloom::voice
