// Pixel operations the faces module needs on core::Image (RGBA8): orientation, resampling,
// rotation by any angle, blur, luminance. Plain loops; no codec or dlib here.
#pragma once

#include "core/face_cutout.hpp"
#include "core/image.hpp"
#include "faces/gray_plane.hpp"

namespace storyloom::faces {

// EXIF orientation 1..8 (TIFF tag 274) applied so the result is upright. Other values: unchanged.
core::Image apply_exif_orientation(const core::Image& image, int orientation);

// Area-averaging when shrinking, bilinear when enlarging; both axes independently.
core::Image resize(const core::Image& image, int width, int height);
GrayPlane resize(const GrayPlane& plane, int width, int height);

// Scales down (never up) so the long side is at most `long_side`.
core::Image fit_within(const core::Image& image, int long_side);

// Rotates by `degrees` (counter-clockwise as seen on screen) about the centre, keeping the size
// of the canvas; uncovered corners become `fill`.
core::Image rotate(const core::Image& image, double degrees, core::Rgba fill = {0, 0, 0, 255});

// Affine resampling: output pixel (x, y) takes the bilinear sample of `image` at
// (ax*x + bx*y + cx, ay*x + by*y + cy). Outside samples are transparent black.
struct AffineMap {
  double ax = 1, bx = 0, cx = 0, ay = 0, by = 1, cy = 0;
  core::PointF apply(double x, double y) const { return {ax * x + bx * y + cx, ay * x + by * y + cy}; }
};
core::Image warp(const core::Image& image, int width, int height, const AffineMap& output_to_source);

// Separable box blur repeated three times (close to a Gaussian of sigma ~ radius * 0.9).
void blur(core::Image& image, int radius);
void blur(GrayPlane& plane, int radius);

// Lays semi-transparent pixels over white so the result is opaque.
void flatten_on_white(core::Image& image);

// Rec. 601 luma.
GrayPlane to_gray(const core::Image& image);

}  // namespace storyloom::faces
