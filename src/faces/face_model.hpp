// dlib's HOG frontal face detector and the 68-point landmark model (Debian libdlib-data), loaded
// once per process. The only header that fronts dlib; dlib itself is included in face_model.cpp only.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "faces/face_finding.hpp"
#include "faces/gray_plane.hpp"

namespace storyloom::faces {

struct Detection {
  FaceBox box;   // in the searched plane's pixels
  double score;  // detector margin, >= the threshold asked for
};

// Thread-safe: detect() and landmarks() may be called from many threads at once (detectors are
// not, so each call borrows one from a small pool; the landmark model is read-only).
class FaceModel {
 public:
  // Reads the landmark model (plain, or .bz2-compressed) from `landmark_model_path`, and the face
  // detector from `detector_path` (dlib's frontal face detector as dlib::serialize writes it,
  // catalog/models/: milliseconds) or, when that is empty or unreadable, from the copy dlib
  // unpacks out of its own header (~0.35 s of CPU). Takes most of a second and ~100 MB: load
  // once and share.
  static core::Result<std::shared_ptr<const FaceModel>> load(const std::string& landmark_model_path,
                                                             const std::string& detector_path = {});

  // The process-wide model from default_landmark_model_path() and the detector path set below,
  // loaded on first use.
  static core::Result<std::shared_ptr<const FaceModel>> shared();
  // Where shared() reads the detector; the composition root sets it before the first shared().
  static void set_default_detector_path(std::string path);

  // dlib's own frontal face detector, serialized: the bytes catalog/models/frontal_face_detector.dat
  // must hold (a unit test compares them).
  static std::string builtin_detector_bytes();

  // STORYLOOM_FACES_LANDMARK_MODEL if set, else Debian's /usr/share/dlib/... (.dat or .dat.bz2).
  static std::string default_landmark_model_path();

  std::vector<Detection> detect(const GrayPlane& plane, double threshold = 0.0) const;
  Landmarks landmarks(const GrayPlane& plane, const FaceBox& box) const;

  ~FaceModel();
  FaceModel(const FaceModel&) = delete;
  FaceModel& operator=(const FaceModel&) = delete;

 private:
  struct Impl;
  explicit FaceModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyloom::faces
