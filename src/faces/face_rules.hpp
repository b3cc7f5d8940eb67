// The thresholds of photo validation (issue 4, "Rules a parent would find fair"). Configuration
// with defaults; docs/photos.md explains each number.
#pragma once

namespace storyloom::faces {

struct FaceRules {
  // Smallest face (side of the detector's square, pixels of the upright photo) we can draw a hero
  // from: ~200 px of face on a printed page allows about 3x enlargement.
  double min_face_px = 64;
  // Another face counts ("matters") when its size is at least this share of the main face's;
  // smaller ones are people far in the background and are ignored.
  double comparable_face_ratio = 0.6;
  // Detections below this detector margin are only trusted as the main face, never as a second
  // face: at the threshold (0) HOG also fires on shirt folds and patterned backgrounds.
  double min_score_other_faces = 0.3;
  // Head roll beyond which the photo counts as tilted or sideways.
  double max_roll_degrees = 30;
  // Relative high-frequency energy of the face (see photo_quality.hpp); below = blurred.
  double min_sharpness = 0.25;
  // The face's highlights (95th percentile of luminance, 0..1); below = too dark. Not the mean:
  // a child with dark skin in good light has a dark mean but bright eye whites and highlights.
  double min_highlight = 0.35;

  // Detection effort: the upright search scales the photo to about this many pixels (never
  // more than max_upsample times), so faces of ~40 px are still found in small photos.
  double detection_megapixels = 1.0;
  double max_upsample = 2.0;
  // When that coarse pass could have missed a face that matters (nothing found, or the main face
  // is close to the smallest size the coarse pass sees), search again at up to this many pixels.
  double fine_detection_megapixels = 4.0;
  // When nothing is found upright, the photo is searched again turned (sideways, upside down,
  // 45 degrees), to tell a parent "turn it" rather than "no face": at a scale where the canvas
  // of the 45-degree turn has about this many pixels (a 512 px square photo is searched at ~630 px).
  double turned_search_megapixels = 0.8;
};

}  // namespace storyloom::faces
