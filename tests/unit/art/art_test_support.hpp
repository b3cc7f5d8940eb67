// Shared helpers for the art tests: the illustrator loaded once from catalog/art, the brief
// vocabularies read from docs/illustration-brief.md, and a face cut-out made by hand from the
// shared astronaut photo (stands in for the faces module, which is another branch's work).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "art/vector_illustrator.hpp"
#include "core/face_cutout.hpp"

namespace storyloom::art::testing {

std::filesystem::path art_dir();
VectorIllustrator& shared_illustrator();
// theme -> settings, from the table in docs/illustration-brief.md.
std::map<std::string, std::vector<std::string>> documented_settings();
// The settings every theme shares, from the same document ("Every theme also has ...").
std::vector<std::string> documented_shared_settings();
std::vector<std::string> documented_poses();
core::Image decode_png_file(const std::filesystem::path& file);
core::FaceCutout astronaut_face();
core::IllustrationBrief brief(std::string theme, std::string setting, std::string pose = "standing",
                              std::string time = "day", std::string framing = "medium");
// Fraction of pixels that differ by more than `tolerance` in any channel.
double changed_fraction(const core::Image& a, const core::Image& b, int tolerance = 0);

}  // namespace storyloom::art::testing
