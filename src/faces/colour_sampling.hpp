// Robust colour sampling from a photo around points given in a face's own frame.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/image.hpp"
#include "faces/face_frame.hpp"

namespace storyloom::faces {

// Appends the photo pixels inside the disc (frame coordinates) that lie within the photo.
void collect_disc(const core::Image& photo, const FaceFrame& frame, core::PointF centre, double radius,
                  std::vector<core::Rgba>& out);
// Appends the photo pixels inside the axis-aligned frame rectangle [x0,x1) x [y0,y1).
// Returns how many of the rectangle's sample points fell inside the photo, 0..1.
double collect_rect(const core::Image& photo, const FaceFrame& frame, double x0, double y0, double x1, double y1,
                    std::vector<core::Rgba>& out);

// Per-channel median; nullopt for no samples.
std::optional<core::Rgba> median_colour(std::vector<core::Rgba> samples);
// Mean distance of the samples from `centre`, in 0..1 (RGB Euclidean / 441).
double spread(const std::vector<core::Rgba>& samples, core::Rgba centre);
double distance(core::Rgba a, core::Rgba b);  // 0..1
double luma(core::Rgba c);                    // 0..1
std::string to_hex(core::Rgba c);

}  // namespace storyloom::faces
