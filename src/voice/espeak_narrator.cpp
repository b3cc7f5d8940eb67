#include "voice/espeak_narrator.hpp"

#include <espeak-ng/speak_lib.h>

#include <mutex>

#include <fmt/format.h>

namespace storyloom::voice {
namespace {

std::mutex g_engine_mutex;
int g_sample_rate = 0;           // 0 until initialized; -1 when initialization failed
std::vector<std::int16_t>* g_sink = nullptr;  // where the callback appends, under the mutex

int collect_samples(short* wav, int count, espeak_EVENT*) {
  if (wav && count > 0 && g_sink) g_sink->insert(g_sink->end(), wav, wav + count);
  return 0;  // 0 = continue synthesis
}

// Called with the mutex held. Initializes once per process.
bool ensure_engine() {
  if (g_sample_rate == 0) {
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    g_sample_rate = rate > 0 ? rate : -1;
    if (rate > 0) espeak_SetSynthCallback(collect_samples);
  }
  return g_sample_rate > 0;
}

}  // namespace

core::Result<Pcm> EspeakNarrator::speak(std::string_view text) {
  std::lock_guard lock(g_engine_mutex);
  if (!ensure_engine())
    return core::fail(core::ErrorKind::unavailable, "narrator_unavailable",
                      "The espeak-ng speech engine could not start (is espeak-ng-data installed?).");
  if (espeak_SetVoiceByName(settings_.voice.c_str()) != EE_OK)
    return core::fail(core::ErrorKind::invalid_argument, "narrator_voice_unknown",
                      fmt::format("espeak-ng has no voice named '{}'.", settings_.voice));
  espeak_SetParameter(espeakRATE, settings_.words_per_minute, 0);
  espeak_SetParameter(espeakPITCH, settings_.pitch, 0);

  Pcm pcm;
  pcm.sample_rate = g_sample_rate;
  g_sink = &pcm.samples;
  const std::string copy(text);  // espeak needs a NUL-terminated buffer
  const espeak_ERROR rc =
      espeak_Synth(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
  espeak_Synchronize();
  g_sink = nullptr;
  if (rc != EE_OK)
    return core::fail(core::ErrorKind::unavailable, "narrator_failed", "espeak-ng could not speak this text.");
  return pcm;
}

}  // namespace storyloom::voice
