// The art engine the book pipeline's ports share: one illustrator, the catalog's print spec,
// the child's face per photo (PhotoFaces) and the shop's name for watermarks. Thread-safe:
// every port may be called from several workers at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/pipeline/photo_faces.hpp"
#include "art/illustrator.hpp"
#include "catalog/catalog.hpp"
#include "print/book_pdfs.hpp"

namespace storyloom::app {

// The drawn hero's look: the photo's traits (skin, hair, eyes) with the child's favourite colour
// and pronouns. Shared with `storyloom book`.
core::HeroLook hero_look_for(const core::AvatarTraits& traits, const std::string& favourite_colour,
                             const std::string& pronouns);

// The child's face on the drawn hero, in place, or why not (personalize_fell_back with the
// personalizer's sentence; `page` is then left as drawn). `face` may be null. Shared with
// `storyloom book`.
core::Result<void> personalize_or_error(core::Illustration& page, std::string_view style, const core::FaceCutout* face);

class BookArt {
 public:
  BookArt(std::shared_ptr<art::Illustrator> illustrator, std::shared_ptr<const catalog::Catalog> catalog,
          PhotoFaces& faces, std::string shop_name);

  const catalog::PrintSpec& spec() const { return catalog_->print; }

  // Without a usable photo the hero keeps the neutral look (logged): the book still gets made.
  core::HeroLook look_for(const nlohmann::json& child, std::string_view photo_id);

  core::Result<core::Illustration> draw(const core::IllustrationBrief& brief, const core::HeroLook& look,
                                        print::PixelSize size, std::uint64_t seed);

  // The child into `page`, in place. The photo's error (photo_not_found, photo_no_face, ...) when
  // it gives no face to place; `page` is then left as drawn.
  core::Result<void> put_child_in(core::Illustration& page, std::string_view style, std::string_view photo_id);

  // The picture reduced to the preview size, then watermarked: print-size art never gets a
  // watermark (art::watermark refuses it) and never leaves the server before payment.
  core::Result<core::Image> preview_of(const core::Image& picture) const;

 private:
  std::shared_ptr<art::Illustrator> illustrator_;
  std::shared_ptr<const catalog::Catalog> catalog_;
  PhotoFaces& faces_;
  std::string shop_name_;
};

}  // namespace storyloom::app
