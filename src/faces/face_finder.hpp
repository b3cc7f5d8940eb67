// Finds faces in an upright photo with the FaceModel: picks the scale (upsampling small photos,
// shrinking large ones), and when nothing is found upright looks at turned copies, so a sideways
// face is reported as tilted rather than missing.
#pragma once

#include <vector>

#include "core/image.hpp"
#include "faces/face_finding.hpp"
#include "faces/face_model.hpp"
#include "faces/face_rules.hpp"

namespace storyloom::faces {

// Faces with landmarks, in `photo`'s coordinates, largest first. Empty when there is none.
// `gray` is to_gray(photo), passed in because callers need it too.
std::vector<FaceFinding> find_faces(const FaceModel& model, const core::Image& photo, const GrayPlane& gray,
                                    const FaceRules& rules);

}  // namespace storyloom::faces
