// The embedded illustrator: composes pictures from the SVG scene kits in catalog/art/ and
// renders them with Cairo and librsvg at any size (1024 px previews, 3075 px print pages).
#pragma once

#include <filesystem>
#include <memory>

#include "art/illustrator.hpp"
#include "art/kit_library.hpp"
#include "art/svg_assets.hpp"

namespace storyloom::art {

class VectorIllustrator final : public Illustrator {
 public:
  // Loads and validates every kit under art_dir (catalog/art) and the pictures they use.
  static core::Result<std::unique_ptr<VectorIllustrator>> load(const std::filesystem::path& art_dir);

  core::Result<Illustration> illustrate(const core::IllustrationBrief& brief, const core::HeroLook& look, int width_px,
                                        int height_px, std::uint64_t seed) override;

  const KitLibrary& kits() const { return kits_; }

 private:
  VectorIllustrator(KitLibrary kits, SvgAssets assets) : kits_(std::move(kits)), assets_(std::move(assets)) {}
  KitLibrary kits_;
  SvgAssets assets_;
};

}  // namespace storyloom::art
