// The face detector shipped in catalog/models/ is dlib's own, and a missing or damaged file only
// costs time: the model still loads and finds faces.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "faces/face_model.hpp"
#include "faces/gray_plane.hpp"
#include "faces/image_ops.hpp"
#include "photo_fixtures.hpp"

namespace storyloom::faces {
namespace {

const std::string kShippedDetector = std::string(STORYLOOM_SOURCE_DIR) + "/catalog/models/frontal_face_detector.dat";

// To make the file anew after a dlib upgrade: STORYLOOM_WRITE_FACE_DETECTOR=1 unit_faces
// --gtest_filter=FaceDetectorFile.*  (then commit catalog/models/frontal_face_detector.dat).
TEST(FaceDetectorFile, IsDlibsOwnDetectorByteForByte) {
  const std::string builtin = FaceModel::builtin_detector_bytes();
  if (std::getenv("STORYLOOM_WRITE_FACE_DETECTOR")) {
    std::ofstream(kShippedDetector, std::ios::binary).write(builtin.data(), static_cast<std::streamsize>(builtin.size()));
  }
  const std::string shipped = testing::read_file(kShippedDetector);
  ASSERT_GT(shipped.size(), 100'000u);
  EXPECT_TRUE(shipped == builtin) << "catalog/models/frontal_face_detector.dat differs from dlib's detector ("
                                  << shipped.size() << " against " << builtin.size() << " bytes)";
}

std::size_t faces_found_with(const std::string& detector_path) {
  auto model = FaceModel::load(FaceModel::default_landmark_model_path(), detector_path);
  EXPECT_TRUE(model) << model.error().message;
  if (!model) return 0;
  const auto gray = to_gray(testing::load_shared("astronaut.png"));
  return (*model)->detect(resize(gray, gray.width * 2, gray.height * 2)).size();  // faces of ~80 px and up
}

TEST(FaceDetectorFile, TheShippedFileAndTheFallbackBothFindTheAstronaut) {
  const auto damaged = std::filesystem::temp_directory_path() / ("damaged-detector-" + std::to_string(::getpid()) + ".dat");
  std::ofstream(damaged, std::ios::binary) << "not a detector";
  EXPECT_EQ(faces_found_with(kShippedDetector), 1u);
  EXPECT_EQ(faces_found_with(damaged.string()), 1u);  // falls back to dlib's own copy
  std::filesystem::remove(damaged);
}

}  // namespace
}  // namespace storyloom::faces
