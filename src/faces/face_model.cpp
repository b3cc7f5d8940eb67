// The one translation unit that includes dlib (slow to compile; keep it that way).
#include "faces/face_model.hpp"
#include "core/log.hpp"
#include <algorithm>
#include <cstring>

#include <bzlib.h>

#include <cstdlib>
#include <filesystem>
#include <future>
#include <fstream>
#include <mutex>
#include <sstream>

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing/shape_predictor.h>

namespace storyloom::faces {
namespace {

constexpr const char* kDebianModel = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";
constexpr const char* kDebianModelPacked = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat.bz2";

dlib::array2d<unsigned char> to_dlib(const GrayPlane& plane) {
  dlib::array2d<unsigned char> img(plane.height, plane.width);
  for (int y = 0; y < plane.height; ++y) {
    std::memcpy(&img[y][0], plane.pixels.data() + static_cast<std::size_t>(y) * plane.width,
                static_cast<std::size_t>(plane.width));
  }
  return img;
}

core::Result<std::string> read_bz2(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string packed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bz_stream stream{};
  if (BZ2_bzDecompressInit(&stream, 0, 0) != BZ_OK) {
    return core::fail(core::ErrorKind::internal, "face_model_unavailable", "bzip2 init failed");
  }
  std::string out;
  stream.next_in = packed.data();
  stream.avail_in = static_cast<unsigned>(packed.size());
  int rc = BZ_OK;
  char chunk[1 << 16];
  while (rc == BZ_OK) {
    stream.next_out = chunk;
    stream.avail_out = sizeof chunk;
    rc = BZ2_bzDecompress(&stream);
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  BZ2_bzDecompressEnd(&stream);
  if (rc != BZ_STREAM_END) {
    return core::fail(core::ErrorKind::internal, "face_model_unavailable", "landmark model archive is damaged: " + path);
  }
  return out;
}

// The detector from its serialized file; dlib's own unpacked copy when there is none or it
// cannot be read (logged: start-up then takes ~0.35 s longer, nothing else changes).
dlib::frontal_face_detector detector_from(const std::string& path) {
  if (path.empty()) return dlib::get_frontal_face_detector();
  std::string reason = "cannot open the file";
  if (std::ifstream in(path, std::ios::binary); in) {
    try {
      dlib::frontal_face_detector detector;
      dlib::deserialize(detector, in);
      return detector;
    } catch (const std::exception& e) {
      reason = e.what();
    }
  }
  core::log_warn("face_detector_file_unreadable", {{"path", path}, {"reason", reason}});
  return dlib::get_frontal_face_detector();
}

std::mutex g_detector_path_mutex;
std::string g_detector_path;

}  // namespace

struct FaceModel::Impl {
  dlib::frontal_face_detector prototype;
  dlib::shape_predictor predictor;
  // object_detector::operator() keeps scratch state, so each concurrent caller needs its own.
  mutable std::mutex pool_mutex;
  mutable std::vector<std::unique_ptr<dlib::frontal_face_detector>> pool;

  std::unique_ptr<dlib::frontal_face_detector> borrow() const {
    std::lock_guard lock(pool_mutex);
    if (pool.empty()) return std::make_unique<dlib::frontal_face_detector>(prototype);
    auto d = std::move(pool.back());
    pool.pop_back();
    return d;
  }
  void give_back(std::unique_ptr<dlib::frontal_face_detector> d) const {
    std::lock_guard lock(pool_mutex);
    pool.push_back(std::move(d));
  }
};

FaceModel::FaceModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FaceModel::~FaceModel() = default;

core::Result<std::shared_ptr<const FaceModel>> FaceModel::load(const std::string& path, const std::string& detector_path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return core::fail(core::ErrorKind::unavailable, "face_model_unavailable",
                      "The face landmark model is not installed (Debian package libdlib-data).", {{"path", path}});
  }
  auto impl = std::make_unique<Impl>();
  // Without its file the detector unpacks itself from a compressed string (~0.35 s): on a second
  // thread while the landmark model is read.
  auto detector = std::async(std::launch::async, [detector_path] { return detector_from(detector_path); });
  try {
    if (path.ends_with(".bz2")) {
      auto text = read_bz2(path);
      if (!text) return core::fail(text.error());
      std::istringstream in(std::move(*text));
      dlib::deserialize(impl->predictor, in);
    } else {
      dlib::deserialize(path) >> impl->predictor;
    }
  } catch (const std::exception& e) {
    return core::fail(core::ErrorKind::unavailable, "face_model_unavailable",
                      "The face landmark model could not be read.", {{"path", path}, {"reason", e.what()}});
  }
  impl->prototype = detector.get();
  if (impl->predictor.num_parts() != 68) {
    return core::fail(core::ErrorKind::unavailable, "face_model_unavailable",
                      "The face landmark model is not the 68-point model.", {{"path", path}});
  }
  return std::shared_ptr<const FaceModel>(new FaceModel(std::move(impl)));
}

core::Result<std::shared_ptr<const FaceModel>> FaceModel::shared() {
  static std::once_flag once;
  static core::Result<std::shared_ptr<const FaceModel>> model = core::fail(core::ErrorKind::internal, "", "");
  std::call_once(once, [] {
    std::string detector_path;
    {
      std::lock_guard lock(g_detector_path_mutex);
      detector_path = g_detector_path;
    }
    model = load(default_landmark_model_path(), detector_path);
  });
  return model;
}

void FaceModel::set_default_detector_path(std::string path) {
  std::lock_guard lock(g_detector_path_mutex);
  g_detector_path = std::move(path);
}

std::string FaceModel::builtin_detector_bytes() {
  std::ostringstream out;
  dlib::serialize(dlib::get_frontal_face_detector(), out);
  return std::move(out).str();
}

std::string FaceModel::default_landmark_model_path() {
  if (const char* env = std::getenv("STORYLOOM_FACES_LANDMARK_MODEL"); env && *env) return env;
  std::error_code ec;
  if (!std::filesystem::exists(kDebianModel, ec) && std::filesystem::exists(kDebianModelPacked, ec)) {
    return kDebianModelPacked;
  }
  return kDebianModel;
}

std::vector<Detection> FaceModel::detect(const GrayPlane& plane, double threshold) const {
  const auto img = to_dlib(plane);
  auto detector = impl_->borrow();
  std::vector<dlib::rect_detection> found;
  (*detector)(img, found, threshold);
  impl_->give_back(std::move(detector));
  std::vector<Detection> out;
  for (const auto& d : found) {
    const auto& r = d.rect;
    out.push_back({{double(r.left()), double(r.top()), double(r.width()), double(r.height())}, d.detection_confidence});
  }
  return out;
}

Landmarks FaceModel::landmarks(const GrayPlane& plane, const FaceBox& box) const {
  // The predictor only looks near the box: hand it that neighbourhood, not the whole photo.
  const int x0 = std::clamp(static_cast<int>(box.x - box.width * 0.5), 0, std::max(0, plane.width - 1));
  const int y0 = std::clamp(static_cast<int>(box.y - box.height * 0.5), 0, std::max(0, plane.height - 1));
  const int x1 = std::clamp(static_cast<int>(box.x + box.width * 1.5) + 1, x0 + 1, plane.width);
  const int y1 = std::clamp(static_cast<int>(box.y + box.height * 1.5) + 1, y0 + 1, plane.height);
  dlib::array2d<unsigned char> img(y1 - y0, x1 - x0);
  for (int y = y0; y < y1; ++y) {
    std::memcpy(&img[y - y0][0], plane.pixels.data() + static_cast<std::size_t>(y) * plane.width + x0,
                static_cast<std::size_t>(x1 - x0));
  }
  const dlib::rectangle rect(std::lround(box.x) - x0, std::lround(box.y) - y0, std::lround(box.x + box.width - 1) - x0,
                             std::lround(box.y + box.height - 1) - y0);
  const dlib::full_object_detection shape = impl_->predictor(img, rect);
  Landmarks points{};
  for (unsigned long i = 0; i < shape.num_parts() && i < points.size(); ++i) {
    points[i] = {double(shape.part(i).x() + x0), double(shape.part(i).y() + y0)};
  }
  return points;
}

}  // namespace storyloom::faces
