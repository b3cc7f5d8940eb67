#include <gtest/gtest.h>

#include <cmath>

#include "voice/audiobook.hpp"
#include "voice/espeak_narrator.hpp"
#include "voice/mp3_encoder.hpp"

using namespace storyloom;

namespace {

// Walks MPEG audio frame headers and answers the playing time they add up to, so the test
// measures the MP3 itself rather than trusting our own sample counts.
double mp3_duration_seconds(const std::string& mp3, int* frames_out = nullptr) {
  static const int kBitrates[2][16] = {{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0},   // MPEG-1
                                       {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0}};      // MPEG-2/2.5
  static const int kRates[4][3] = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};
  std::size_t at = 0;
  double seconds = 0;
  int frames = 0;
  while (at + 4 <= mp3.size()) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(mp3[at + i]); };
    if (b(0) != 0xFF || (b(1) & 0xE0) != 0xE0) return -1;  // lost sync: not a clean stream
    const int version = (b(1) >> 3) & 3, bitrate_index = b(2) >> 4, rate_index = (b(2) >> 2) & 3;
    const int padding = (b(2) >> 1) & 1;
    const int rate = kRates[version][rate_index];
    const int kbps = kBitrates[version == 3 ? 0 : 1][bitrate_index];
    if (rate == 0 || kbps == 0) return -1;
    const int samples = version == 3 ? 1152 : 576;
    const std::size_t length = static_cast<std::size_t>(samples / 8 * kbps * 1000 / rate + padding);
    seconds += static_cast<double>(samples) / rate;
    ++frames;
    at += length;
  }
  if (frames_out) *frames_out = frames;
  return seconds;
}

}  // namespace

TEST(EspeakNarrator, SpeaksANameIntoAudibleSpeech) {
  voice::EspeakNarrator narrator;
  auto pcm = narrator.speak("Emma and Mister Whiskers walked into the enchanted forest.");
  ASSERT_TRUE(pcm) << pcm.error().message;
  EXPECT_GT(pcm->sample_rate, 8000);
  EXPECT_GT(pcm->seconds(), 1.5);
  EXPECT_LT(pcm->seconds(), 10.0);
  double energy = 0;
  for (auto s : pcm->samples) energy += static_cast<double>(s) * s;
  EXPECT_GT(std::sqrt(energy / pcm->samples.size()), 300.0) << "speech should not be near-silent";
}

TEST(EspeakNarrator, RefusesAnUnknownVoice) {
  voice::EspeakNarrator narrator({.voice = "no-such-voice"});
  auto pcm = narrator.speak("hello");
  ASSERT_FALSE(pcm);
  EXPECT_EQ(pcm.error().code, "narrator_voice_unknown");
}

TEST(Mp3Encoder, ProducesAFrameStreamAsLongAsTheInput) {
  voice::Pcm pcm;
  pcm.sample_rate = 22050;
  for (int i = 0; i < 22050 * 2; ++i)
    pcm.samples.push_back(static_cast<std::int16_t>(8000 * std::sin(2 * M_PI * 440 * i / 22050.0)));
  auto mp3 = voice::encode_mp3(pcm);
  ASSERT_TRUE(mp3);
  int frames = 0;
  const double seconds = mp3_duration_seconds(*mp3, &frames);
  EXPECT_NEAR(seconds, 2.0, 0.15);
  EXPECT_GT(frames, 50);
}

TEST(Audiobook, JoinsPagesWithPausesAndMarksEachPage) {
  voice::EspeakNarrator narrator;
  auto book = voice::narrate_book(narrator, {"Once upon a time.", "", "The end."}, {.pause_between_pages = 1.0});
  ASSERT_TRUE(book) << book.error().message;
  ASSERT_EQ(book->page_starts.size(), 3u);
  EXPECT_EQ(book->page_starts[0], 0.0);
  EXPECT_GT(book->page_starts[1], 1.0);
  EXPECT_GT(book->page_starts[2], book->page_starts[1] + 0.99);
  EXPECT_NEAR(mp3_duration_seconds(book->mp3), book->seconds, 0.2);
}
