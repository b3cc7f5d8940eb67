// Validation verdicts on real images: the shared photos as a table, and every reason code from
// odd cases made out of them.
#include <gtest/gtest.h>

#include <thread>

#include "faces/image_ops.hpp"
#include "photo_fixtures.hpp"

namespace storyloom::faces {
namespace {

using namespace testing;

FaceVerdict verdict_of(const std::string& bytes) {
  auto photo = intake().examine(bytes);
  if (!photo) ADD_FAILURE() << "intake error " << photo.error().code << ": " << photo.error().message;
  return photo ? photo->verdict : FaceVerdict{};
}

std::string reason(const FaceVerdict& v) { return v.reason ? v.reason->code : "accepted"; }

struct SharedPhotoCase {
  const char* file;
  const char* answer;  // "accepted" or the reason code, as SOURCES.md names it
};

void PrintTo(const SharedPhotoCase& c, std::ostream* os) { *os << c.file << " -> " << c.answer; }

class SharedPhotos : public ::testing::TestWithParam<SharedPhotoCase> {};

TEST_P(SharedPhotos, GetTheAnswerSourcesMdNames) {
  const FaceVerdict v = verdict_of(read_file(shared_photo_path(GetParam().file)));
  EXPECT_EQ(reason(v), GetParam().answer) << to_json(v).dump();
  if (v.accepted) {
    EXPECT_EQ(v.face_count, 1);
    EXPECT_NEAR(std::abs(v.roll_degrees), 3, 4) << "upright";
  }
}

INSTANTIATE_TEST_SUITE_P(Table, SharedPhotos,
                         ::testing::Values(SharedPhotoCase{"astronaut.png", "accepted"},
                                           SharedPhotoCase{"astronaut.jpg", "accepted"},
                                           SharedPhotoCase{"astronaut-exif-rot.jpg", "accepted"},
                                           SharedPhotoCase{"two-faces.png", "photo_multiple_faces"},
                                           SharedPhotoCase{"chelsea.png", "photo_no_face"},
                                           SharedPhotoCase{"coffee.png", "photo_no_face"}),
                         [](const auto& info) {
                           std::string name = info.param.file;
                           for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

class Reasons : public ::testing::Test {
 protected:
  const core::Image astronaut = load_shared("astronaut.png");
};

TEST_F(Reasons, AcceptsTheAstronautWithTheVerdictFieldsFilledIn) {
  const auto photo = intake().check(read_file(shared_photo_path("astronaut.png")));
  ASSERT_TRUE(photo.has_value()) << photo.error().message;
  const nlohmann::json j = to_json(photo->verdict);
  for (const char* key : {"face_detected", "face_count", "confidence", "face_area_percent", "face_box", "roll_degrees",
                          "sharpness", "brightness", "accepted", "reason"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_TRUE(j["accepted"].get<bool>());
  EXPECT_TRUE(j["reason"].is_null());
  EXPECT_GT(j["confidence"].get<double>(), 0.8);
  EXPECT_NEAR(j["face_area_percent"].get<double>(), 3.0, 1.0);
  EXPECT_NEAR(j["face_box"]["width"].get<double>(), 90, 12);
  EXPECT_FALSE(photo->jpeg.empty());
  EXPECT_EQ(photo->width, 512);
}

TEST_F(Reasons, RefusalLeavesAsInvalidArgumentWithTheVerdictInDetails) {
  const auto r = intake().check(read_file(shared_photo_path("coffee.png")));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, core::ErrorKind::invalid_argument);
  EXPECT_EQ(r.error().code, "photo_no_face");
  EXPECT_FALSE(r.error().message.empty());
  EXPECT_EQ(r.error().details["verdict"]["reason"]["code"], "photo_no_face");
  EXPECT_FALSE(r.error().details["hint"].get<std::string>().empty());
}

TEST_F(Reasons, NoFace) { EXPECT_EQ(reason(verdict_of(read_file(shared_photo_path("chelsea.png")))), "photo_no_face"); }

TEST_F(Reasons, MultipleComparableFaces) {
  core::Image canvas(1100, 560, {230, 230, 230, 255});
  paste(canvas, astronaut, 0, 0);
  paste(canvas, shrunk(astronaut, 0.8), 620, 80);  // a second face 80% the size of the first
  const FaceVerdict v = verdict_of(as_jpeg(canvas));
  EXPECT_EQ(reason(v), "photo_multiple_faces") << to_json(v).dump();
  EXPECT_GE(v.face_count, 2);
}

TEST_F(Reasons, ABigFaceWithATinyFaceFarBehindIsAcceptedAndTheBigOneChosen) {
  core::Image canvas = on_canvas(resize(astronaut, 1024, 1024), 1400, 1024, 0, 0);
  paste(canvas, shrunk(astronaut, 0.4), 1100, 100);  // a passer-by's face, ~37 px against ~185 px
  const FaceVerdict v = verdict_of(as_jpeg(canvas));
  EXPECT_EQ(reason(v), "accepted") << to_json(v).dump();
  ASSERT_TRUE(v.face_box.has_value());
  EXPECT_LT(v.face_box->x, 1024) << "the main face is the big one";
  EXPECT_GT(v.face_size_px, 150);
}

TEST_F(Reasons, FaceTooSmallToDrawAtPrintSize) {
  const FaceVerdict v = verdict_of(as_jpeg(shrunk(astronaut, 0.5)));  // face ~46 px
  EXPECT_EQ(reason(v), "photo_face_too_small") << to_json(v).dump();
  EXPECT_TRUE(v.face_detected);
}

TEST_F(Reasons, SmallShareOfTheFrameIsFineWhenThePixelsAreThere) {
  // Same face pixels (~92 px), now only ~0.8% of a much larger frame: still drawable.
  const FaceVerdict v = verdict_of(as_jpeg(on_canvas(astronaut, 1024, 1024, 256, 256)));
  EXPECT_EQ(reason(v), "accepted") << to_json(v).dump();
  EXPECT_LT(v.face_area_percent, 1.5);
}

TEST_F(Reasons, BlurredFace) {
  const FaceVerdict v = verdict_of(as_jpeg(blurred(astronaut, 2)));
  EXPECT_EQ(reason(v), "photo_blurry") << to_json(v).dump();
}

TEST_F(Reasons, BlurredBeyondRecognitionIsStillCalledBlurred) {
  const FaceVerdict v = verdict_of(as_jpeg(blurred(astronaut, 6)));
  EXPECT_EQ(reason(v), "photo_blurry") << to_json(v).dump();
}

TEST_F(Reasons, TooDark) {
  const FaceVerdict v = verdict_of(as_jpeg(darkened(astronaut, 0.25)));
  EXPECT_EQ(reason(v), "photo_too_dark") << to_json(v).dump();
}

TEST_F(Reasons, DimButVisibleIsAccepted) {
  const FaceVerdict v = verdict_of(as_jpeg(darkened(astronaut, 0.55)));
  EXPECT_EQ(reason(v), "accepted") << to_json(v).dump();
}

TEST_F(Reasons, SidewaysAndTiltedFacesAreTilted) {
  for (double degrees : {90.0, -90.0, 180.0, 40.0}) {
    const core::Image turned = degrees == 90.0 ? apply_exif_orientation(astronaut, 8)
                               : degrees == -90.0 ? apply_exif_orientation(astronaut, 6)
                                                  : rotate(astronaut, degrees, {255, 255, 255, 255});
    const FaceVerdict v = verdict_of(as_jpeg(turned));
    EXPECT_EQ(reason(v), "photo_face_tilted") << degrees << " " << to_json(v).dump();
    EXPECT_GT(std::abs(v.roll_degrees), 30) << degrees;
  }
}

TEST_F(Reasons, ASlightlyTiltedHeadIsAccepted) {
  const FaceVerdict v = verdict_of(as_jpeg(rotate(astronaut, 15, {255, 255, 255, 255})));
  EXPECT_EQ(reason(v), "accepted") << to_json(v).dump();
  EXPECT_NEAR(v.roll_degrees, -12, 5);
}

TEST_F(Reasons, WebpAndHeicAreCheckedLikeJpeg) {
  EXPECT_EQ(reason(verdict_of(as_webp(astronaut))), "accepted");
  const auto photo = intake().check(as_heic(astronaut, true));  // stored sideways, as iPhones do
  ASSERT_TRUE(photo.has_value()) << photo.error().code;
  EXPECT_NEAR(photo->verdict.roll_degrees, 3, 4) << "upright";
  EXPECT_EQ(photo->format, PhotoFormat::heif);
}

TEST_F(Reasons, ConcurrentChecksGiveTheSameVerdicts) {
  const std::string one = read_file(shared_photo_path("astronaut.jpg"));
  const std::string two = read_file(shared_photo_path("two-faces.png"));
  std::string a, b;
  std::thread t1([&] { a = reason(verdict_of(one)); });
  std::thread t2([&] { b = reason(verdict_of(two)); });
  t1.join();
  t2.join();
  EXPECT_EQ(a, "accepted");
  EXPECT_EQ(b, "photo_multiple_faces");
}

}  // namespace
}  // namespace storyloom::faces
