// The rules on their own, with made-up findings: which face matters, and in which order the
// reasons are given.
#include <gtest/gtest.h>

#include "faces/face_verdict.hpp"

namespace storyloom::faces {
namespace {

// A face of `size` px at (x, y) with level eyes and the given detector margin.
FaceFinding face(double x, double y, double size, double score = 1.0) {
  FaceFinding f;
  f.box = {x, y, size, size};
  f.size_px = size;
  f.score = score;
  for (int i = 36; i < 42; ++i) f.landmarks[static_cast<std::size_t>(i)] = {x + 0.3 * size, y + 0.4 * size};
  for (int i = 42; i < 48; ++i) f.landmarks[static_cast<std::size_t>(i)] = {x + 0.7 * size, y + 0.4 * size};
  return f;
}

// A mid-grey photo with sharp detail everywhere (a checkerboard), so only face rules decide.
GrayPlane textured(int w, int h) {
  GrayPlane p(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) p.at(x, y) = ((x / 2 + y / 2) % 2) ? 230 : 60;
  return p;
}

std::string code(const FaceVerdict& v) { return v.reason ? v.reason->code : "accepted"; }

TEST(FaceRules, TinyFacesFarBehindDoNotMatter) {
  const auto v = judge_faces({face(100, 100, 300), face(800, 50, 60)}, textured(1000, 800), {});
  EXPECT_EQ(code(v), "accepted");
  EXPECT_EQ(v.face_count, 2);
  EXPECT_EQ(v.main_face, 0);
}

TEST(FaceRules, AComparableSecondFaceIsRefused) {
  const auto v = judge_faces({face(100, 100, 300), face(500, 100, 200)}, textured(1000, 800), {});
  EXPECT_EQ(code(v), "photo_multiple_faces");
}

TEST(FaceRules, AnUnsureSecondDetectionIsNotAFace) {
  const auto v = judge_faces({face(100, 100, 300), face(500, 400, 280, 0.02)}, textured(1000, 800), {});
  EXPECT_EQ(code(v), "accepted");
  EXPECT_EQ(v.face_count, 1);
}

TEST(FaceRules, TheMainFaceIsTheLargestSureOne) {
  const auto v = judge_faces({face(500, 400, 280, 0.05), face(100, 100, 150, 1.2)}, textured(1000, 800), {});
  EXPECT_EQ(v.main_face, 1);
}

TEST(FaceRules, TooSmallIsAboutPixelsNotShareOfTheFrame) {
  FaceRules rules;
  EXPECT_EQ(code(judge_faces({face(10, 10, rules.min_face_px - 1)}, textured(200, 200), rules)), "photo_face_too_small");
  EXPECT_EQ(code(judge_faces({face(10, 10, rules.min_face_px + 1)}, textured(4000, 3000), rules)), "accepted");
}

TEST(FaceRules, DarkAndFeaturelessPhotosAreToldApart) {
  GrayPlane dark = textured(400, 400);
  for (auto& p : dark.pixels) p /= 5;
  EXPECT_EQ(code(judge_faces({face(100, 100, 150)}, dark, {})), "photo_too_dark");
  EXPECT_EQ(code(judge_faces({}, dark, {})), "photo_too_dark");
  GrayPlane flat(400, 400);
  for (auto& p : flat.pixels) p = 150;
  EXPECT_EQ(code(judge_faces({face(100, 100, 150)}, flat, {})), "photo_blurry");
  EXPECT_EQ(code(judge_faces({}, textured(400, 400), {})), "photo_no_face");
}

TEST(FaceRules, RefusalCarriesTheVerdict) {
  const auto v = judge_faces({}, textured(100, 100), {});
  const core::Error e = refusal(v);
  EXPECT_EQ(e.kind, core::ErrorKind::invalid_argument);
  EXPECT_EQ(e.code, "photo_no_face");
  EXPECT_EQ(e.details["verdict"]["accepted"], false);
  EXPECT_EQ(e.details["verdict"]["face_detected"], false);
}

}  // namespace
}  // namespace storyloom::faces
