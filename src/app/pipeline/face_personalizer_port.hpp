// books::PersonalizerPort over art::Personalizer: the child's face from the photo (PhotoFaces,
// cut out once per photo) placed on the drawn hero of the page's base picture. Any reason the
// face cannot be placed is an error; the pipeline then keeps the base picture and records why.
#pragma once

#include "app/pipeline/book_art.hpp"
#include "books/ports.hpp"

namespace storyloom::app {

class FacePersonalizerPort final : public books::PersonalizerPort {
 public:
  explicit FacePersonalizerPort(BookArt& art) : art_(art) {}
  core::Result<books::Artwork> personalize(const books::PersonalizeRequest& request) override;

 private:
  BookArt& art_;
};

}  // namespace storyloom::app
