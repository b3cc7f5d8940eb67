// An art style offered to parents (catalog/styles.json).
#pragma once

#include <string>

namespace storyloom::catalog {

struct ArtStyle {
  std::string id;           // "storybook", "cartoon"
  std::string name;
  std::string description;  // for parents choosing a style
  bool uses_face_cutout = false;  // true: the child's own face is placed on the hero
};

}  // namespace storyloom::catalog
