#include "voice/audiobook.hpp"

#include "voice/mp3_encoder.hpp"

namespace storyloom::voice {

core::Result<Audiobook> narrate_book(Narrator& narrator, const std::vector<std::string>& passages,
                                     const AudiobookOptions& options) {
  Pcm book;
  Audiobook result;
  bool rate_known = false;
  for (const std::string& passage : passages) {
    if (rate_known) book.append_silence(options.pause_between_pages);
    result.page_starts.push_back(book.seconds());
    if (passage.empty()) continue;
    auto spoken = narrator.speak(passage);
    if (!spoken) return std::unexpected(spoken.error());
    if (!rate_known) {
      book.sample_rate = spoken->sample_rate;
      rate_known = true;
    }
    book.samples.insert(book.samples.end(), spoken->samples.begin(), spoken->samples.end());
  }
  result.seconds = book.seconds();
  auto mp3 = encode_mp3(book, options.kbps);
  if (!mp3) return std::unexpected(mp3.error());
  result.mp3 = std::move(*mp3);
  return result;
}

}  // namespace storyloom::voice
