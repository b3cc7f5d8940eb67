// Shared set-up for the book pipeline's adapters (app/pipeline/): the shipped catalog drawn at
// 72 ppi (the pixels are real, just fewer), a photo library with one accepted photo stored the
// way the photos module stores it, and every adapter built by build_pipeline_services over a
// blob store that counts its reads.
#pragma once

#include <map>
#include <mutex>

#include "../photos/library_fixture.hpp"
#include "../print/print_fixture.hpp"
#include "app/pipeline/pipeline_services.hpp"

namespace storyloom::test_support {

// Forwards to another store and counts get() per key.
class CountingStore final : public blob::Store {
 public:
  explicit CountingStore(blob::Store& inner) : inner_(inner) {}
  core::Result<void> put(std::string_view key, std::string_view bytes) override { return inner_.put(key, bytes); }
  core::Result<std::string> get(std::string_view key) override {
    {
      std::lock_guard lock(mutex_);
      ++reads_[std::string(key)];
    }
    return inner_.get(key);
  }
  core::Result<void> remove(std::string_view key) override { return inner_.remove(key); }
  core::Result<bool> exists(std::string_view key) override { return inner_.exists(key); }
  core::Result<std::int64_t> remove_prefix(std::string_view prefix) override { return inner_.remove_prefix(prefix); }
  core::Result<std::string> signed_url(std::string_view key, std::chrono::seconds ttl) override {
    return inner_.signed_url(key, ttl);
  }
  core::Result<void> check_writable() override { return inner_.check_writable(); }
  int reads(const std::string& key) {
    std::lock_guard lock(mutex_);
    return reads_[key];
  }

 private:
  blob::Store& inner_;
  std::mutex mutex_;
  std::map<std::string, int> reads_;
};

struct PipelineFixture {
  LibraryFixture photos;
  CountingStore blobs{photos.blobs};
  std::unique_ptr<app::PipelineServices> s;
  std::string photo_id;
  nlohmann::json child{{"name", "Emma"}, {"age", 6}, {"pronouns", "she"}, {"favourite_colour", "purple"}};

  explicit PipelineFixture(bool sells_credits = true) {
    auto built = app::build_pipeline_services(low_res_catalog(), blobs, photos.clock,
                                              {.shop_name = "Test Shop", .sells_credits = sells_credits});
    if (!built) throw std::runtime_error(built.error().message);
    s = std::move(*built);
    photo_id = photos.library.upload("us_parent", shared_photo("astronaut.png")).value().id;
  }

  books::StoryDraft draft(std::int64_t seed = 7) {
    return s->story->write_story({.child = child, .theme = "enchanted-forest", .seed = seed}).value();
  }
  books::IllustrationRequest page_request(const books::StoryDraft& d, int page, std::int64_t seed = 7) {
    return {.photo_id = photo_id, .page = page, .brief = d.pages[static_cast<std::size_t>(page - 1)].brief,
            .child = child, .style = "storybook", .seed = seed};
  }
  std::string base_png(const books::StoryDraft& d, int page) { return s->illustrator->illustrate(page_request(d, page)).value().png; }
  std::string personal_png(const books::StoryDraft& d, int page) {
    return s->personalizer->personalize({.photo_id = photo_id, .page = page, .base_png = base_png(d, page), .style = "storybook"})
        .value()
        .png;
  }
  print::PixelSize page_size() const { return print::page_art_size(low_res_catalog()->print); }
};

// Fraction of pixels that differ by more than `tolerance` in any channel (same sizes).
inline double changed_fraction(const core::Image& a, const core::Image& b, int tolerance = 8) {
  if (a.width != b.width || a.height != b.height) return 1.0;
  std::size_t changed = 0;
  for (std::size_t i = 0; i < a.pixels.size(); i += 4)
    for (int c = 0; c < 3; ++c)
      if (std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c])) > tolerance) {
        ++changed;
        break;
      }
  return static_cast<double>(changed) / (a.pixels.size() / 4);
}

}  // namespace storyloom::test_support
