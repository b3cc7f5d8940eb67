#include "voice/mp3_encoder.hpp"

#include <lame/lame.h>

#include <memory>
#include <vector>

namespace storyloom::voice {
namespace {
struct LameClose {
  void operator()(lame_global_flags* g) const { lame_close(g); }
};
core::Error encoder_error(const char* what) {
  return core::Error{core::ErrorKind::internal, "mp3_encode_failed", what};
}
}  // namespace

core::Result<std::string> encode_mp3(const Pcm& pcm, int kbps) {
  std::unique_ptr<lame_global_flags, LameClose> lame(lame_init());
  if (!lame) return std::unexpected(encoder_error("lame_init failed"));
  lame_set_num_channels(lame.get(), 1);
  lame_set_mode(lame.get(), MONO);
  lame_set_in_samplerate(lame.get(), pcm.sample_rate);
  lame_set_out_samplerate(lame.get(), pcm.sample_rate);
  lame_set_brate(lame.get(), kbps);
  lame_set_quality(lame.get(), 5);
  if (lame_init_params(lame.get()) < 0) return std::unexpected(encoder_error("unsupported sample rate or bit rate"));

  constexpr int kChunk = 8192;
  std::vector<unsigned char> buffer(static_cast<std::size_t>(1.25 * kChunk + 7200));
  std::string out;
  for (std::size_t at = 0; at < pcm.samples.size(); at += kChunk) {
    const int n = static_cast<int>(std::min<std::size_t>(kChunk, pcm.samples.size() - at));
    // Mono input: LAME reads only the left channel when num_channels is 1.
    const int written = lame_encode_buffer(lame.get(), pcm.samples.data() + at, nullptr, n, buffer.data(),
                                           static_cast<int>(buffer.size()));
    if (written < 0) return std::unexpected(encoder_error("lame_encode_buffer failed"));
    out.append(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(written));
  }
  const int tail = lame_encode_flush(lame.get(), buffer.data(), static_cast<int>(buffer.size()));
  if (tail < 0) return std::unexpected(encoder_error("lame_encode_flush failed"));
  out.append(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(tail));
  return out;
}

}  // namespace storyloom::voice
