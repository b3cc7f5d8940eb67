// books::IllustratorPort over the art engine: one page drawn at print resolution for the
// catalog's print spec (3075 px square for 10 in + bleed at 300 ppi), the hero coloured like
// the child in the photo. The PNG carries where the hero's head is (art/illustration_png.hpp)
// for the personalizer in the next job.
#pragma once

#include "app/pipeline/book_art.hpp"
#include "books/ports.hpp"

namespace storyloom::app {

class VectorIllustratorPort final : public books::IllustratorPort {
 public:
  explicit VectorIllustratorPort(BookArt& art) : art_(art) {}
  core::Result<books::Artwork> illustrate(const books::IllustrationRequest& request) override;

 private:
  BookArt& art_;
};

}  // namespace storyloom::app
