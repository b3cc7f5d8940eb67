// The adapters `storyloom book` needs from modules that may not be linked into this build:
// the photo check and face cut-out (faces) and the illustrator, personalizer and watermark
// (art). linked_book_services() is the one place that wires them; a missing one stays empty
// and the command says clearly what is unavailable. Never put a stand-in illustrator here.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/face_cutout.hpp"
#include "core/illustration_brief.hpp"
#include "print/book_steps.hpp"

namespace storyloom::app {

struct PhotoLook {
  core::AvatarTraits traits;              // read from the photo
  core::HeroLook look;                    // from the traits (favourite colour applied later)
  std::optional<core::FaceCutout> cutout;  // storybook style: the face placed on the hero
};

// Checks the photo like `storyloom photo check` does. A refused photo is an invalid_argument
// error whose message is the parent's sentence (details.hint says what to do).
using ReadPhotoFn = std::function<core::Result<PhotoLook>(const std::filesystem::path& photo)>;
// Builds the art steps for one book: the personalizer needs the child's face or traits.
using MakeArtFn = std::function<print::ArtSteps(const std::string& style, const PhotoLook& photo)>;

// The drawn hero's look from the photo's traits and the child's favourite colour and pronouns.
using HeroLookFn = std::function<core::HeroLook(const core::AvatarTraits&, const std::string& favourite_colour,
                                                const std::string& pronouns)>;

struct BookServices {
  ReadPhotoFn read_photo;
  MakeArtFn make_art;
  HeroLookFn hero_look;
};

BookServices linked_book_services();

}  // namespace storyloom::app
