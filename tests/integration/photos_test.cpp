// The Photos API and the catalog routes against the real server: uploads as multipart and raw
// bodies, the face verdict, refusals that store nothing, hostile uploads (a pixel bomb, bodies
// over 10 MB), ownership, deletion, the photo check of POST /api/books, privacy export and
// account deletion, the upload rate limit, and the themes/styles lists with their sample images.
#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>

#include "harness/api_client.hpp"
#include "harness/files.hpp"
#include "harness/http_client.hpp"
#include "harness/server_process.hpp"
#include "harness/shared_server_test.hpp"
#include "../unit/photos/png_bomb.hpp"

using namespace harness;

namespace {

Env photo_env(Env extra = {}) {
  Env env{{"STORYLOOM_RATELIMIT_AUTH_PER_MINUTE", "100000"}, {"STORYLOOM_RATELIMIT_AUTH_BURST", "100000"},
          {"STORYLOOM_RATELIMIT_PHOTO_UPLOADS_PER_MINUTE", "0"}};  // off, but in the rate-limit test
  for (auto& [k, v] : extra) env[k] = v;
  return env;
}

class Photos : public harness::SharedServerTest<Photos> {
 public:
  static Env server_env() { return photo_env(); }
 protected:

  static std::size_t stored_photo_files() {
    const auto dir = server_->data_dir() / "blobs" / "photos";
    if (!std::filesystem::exists(dir)) return 0;
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
  }
  static std::string accepted_photo(const ApiClient& c) {
    auto r = c.upload_photo_form(testdata_photo("astronaut.png"));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("id", "");
  }
};

}  // namespace

TEST_F(Photos, TheAstronautIsAcceptedWithAFaceBoxAndASignedLinkToTheNormalizedCopy) {
  const ApiClient c = guest(*server_);
  auto r = c.upload_photo_form(testdata_photo("astronaut.png"));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto photo = r.json();
  EXPECT_TRUE(photo["id"].get<std::string>().starts_with("ph_"));
  EXPECT_EQ(photo["width"], 512);
  EXPECT_EQ(photo["height"], 512);
  EXPECT_EQ(photo["format"], "png");
  EXPECT_TRUE(photo["created_at"].is_number());
  const auto& verdict = photo["verdict"];
  EXPECT_TRUE(verdict["accepted"].get<bool>());
  EXPECT_EQ(verdict["face_count"], 1);
  ASSERT_TRUE(verdict["face_box"].is_object()) << verdict.dump();
  EXPECT_GT(verdict["face_box"]["width"].get<double>(), 40);
  EXPECT_TRUE(verdict["reason"].is_null());

  const auto url = photo["image_url"].get<std::string>();
  EXPECT_NE(url.find("sig="), std::string::npos) << url;
  const auto image = get(server_->url(url));
  EXPECT_EQ(image.status, 200);
  EXPECT_EQ(image.header("content-type"), "image/jpeg");
  ASSERT_GE(image.body.size(), 2u);
  EXPECT_EQ(image.body.substr(0, 2), "\xFF\xD8");
  EXPECT_TRUE(std::filesystem::exists(server_->data_dir() / "blobs" / "photos" / (photo["id"].get<std::string>() + ".jpg")));

  const auto again = c.call("GET", "/api/photos/" + photo["id"].get<std::string>());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["verdict"], verdict);
}

TEST_F(Photos, ARawImageBodyIsAcceptedToo) {
  auto r = guest(*server_).upload_photo(testdata_photo("astronaut.jpg"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["format"], "jpeg");
}

TEST_F(Photos, APhotoWithoutAFaceIsRefusedWithTheVerdictAndNothingIsStored) {
  const auto before = stored_photo_files();
  for (const char* name : {"chelsea.png", "coffee.png"}) {
    auto r = guest(*server_).upload_photo_form(testdata_photo(name));
    ASSERT_EQ(r.status, 400) << name << ": " << r.body;
    const auto error = r.json()["error"];
    EXPECT_EQ(error["code"], "photo_no_face") << name;
    EXPECT_FALSE(error["message"].get<std::string>().empty());
    EXPECT_FALSE(error["details"]["verdict"]["accepted"].get<bool>());
    EXPECT_EQ(error["details"]["verdict"]["reason"]["code"], "photo_no_face");
    EXPECT_TRUE(error["details"]["hint"].is_string());
  }
  auto two = guest(*server_).upload_photo_form(testdata_photo("two-faces.png"));
  EXPECT_EQ(two.status, 400);
  EXPECT_EQ(code_of(two), "photo_multiple_faces");
  EXPECT_EQ(stored_photo_files(), before);
}

TEST_F(Photos, APixelBombIsRefusedWith422Quickly) {
  const ApiClient c = guest(*server_);
  const auto began = std::chrono::steady_clock::now();
  auto r = c.upload_photo_form(storyloom::test_support::png_bomb(20'000, 20'000));
  const auto took = std::chrono::steady_clock::now() - began;
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(code_of(r), "photo_dimensions_too_large");
  EXPECT_LT(took, std::chrono::milliseconds(1000));
}

TEST_F(Photos, NotAPhotoIs415) {
  auto r = guest(*server_).upload_photo_form("GIF89a this is not a photo we read");
  EXPECT_EQ(r.status, 415) << r.body;
  EXPECT_EQ(code_of(r), "photo_unsupported_type");
}

TEST_F(Photos, AnUploadOverTenMegabytesIs413PhotoTooLarge) {
  const ApiClient c = guest(*server_);
  const std::string jpeg_start = testdata_photo("astronaut.jpg").substr(0, 4);
  // Just over the limit reaches the photo check; far over it is refused before it is read.
  for (std::size_t size : {10u * 1024 * 1024 + 1000, 20u * 1024 * 1024, 40u * 1024 * 1024}) {
    auto r = c.upload_photo_form(jpeg_start + std::string(size, '\0'));
    EXPECT_EQ(r.status, 413) << size << ": " << r.body.substr(0, 300) << r.error;
    EXPECT_EQ(code_of(r), "photo_too_large") << size;
  }
  auto raw = c.upload_photo(jpeg_start + std::string(20u * 1024 * 1024, '\0'));
  EXPECT_EQ(raw.status, 413) << raw.error;
  EXPECT_EQ(code_of(raw), "photo_too_large");
}

TEST_F(Photos, UploadsNeedASession) {
  auto r = ApiClient{server_, ""}.upload_photo_form(testdata_photo("astronaut.png"));
  EXPECT_EQ(r.status, 401) << r.body;
}

TEST_F(Photos, SomeoneElsesPhotoIsNotFound) {
  const ApiClient owner = guest(*server_), stranger = guest(*server_);
  const auto id = accepted_photo(owner);
  EXPECT_EQ(stranger.call("GET", "/api/photos/" + id).status, 404);
  EXPECT_EQ(code_of(stranger.call("GET", "/api/photos/" + id)), "photo_not_found");
  EXPECT_EQ(stranger.call("DELETE", "/api/photos/" + id).status, 404);
  EXPECT_EQ(owner.call("GET", "/api/photos/" + id).status, 200);
  EXPECT_EQ(owner.call("GET", "/api/photos/ph_aaaaaaaaaaaaaaaaaaaa").status, 404);
}

TEST_F(Photos, DeletingAPhotoRemovesItAndItsFile) {
  const ApiClient c = guest(*server_);
  auto uploaded = c.upload_photo_form(testdata_photo("astronaut.png"));
  ASSERT_EQ(uploaded.status, 201);
  const auto id = uploaded.json()["id"].get<std::string>();
  const auto url = uploaded.json()["image_url"].get<std::string>();
  EXPECT_EQ(c.call("DELETE", "/api/photos/" + id).status, 204);
  EXPECT_EQ(c.call("GET", "/api/photos/" + id).status, 404);
  EXPECT_EQ(c.call("DELETE", "/api/photos/" + id).status, 404);
  EXPECT_FALSE(std::filesystem::exists(server_->data_dir() / "blobs" / "photos" / (id + ".jpg")));
  EXPECT_EQ(get(server_->url(url)).status, 404);
}

TEST_F(Photos, ABookCannotBeStartedWithSomeoneElsesOrAMissingPhoto) {
  const ApiClient owner = guest(*server_), stranger = guest(*server_);
  const auto id = accepted_photo(owner);
  const auto book = [](const std::string& photo_id) {
    return nlohmann::json{{"child", {{"name", "Emma"}, {"age", 6}, {"pronouns", "she"}}},
                          {"photo_id", photo_id}, {"theme", "enchanted-forest"}, {"style", "storybook"}};
  };
  auto foreign = stranger.call("POST", "/api/books", book(id));
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(code_of(foreign), "photo_not_found");
  EXPECT_EQ(code_of(stranger.call("POST", "/api/books", book("ph_aaaaaaaaaaaaaaaaaaaa"))), "photo_not_found");
  EXPECT_EQ(stranger.call("GET", "/api/books").json()["books"].size(), 0u);
  auto own = owner.call("POST", "/api/books", book(id));
  EXPECT_EQ(own.status, 202) << own.body;
}

TEST_F(Photos, TheExportListsPhotosAndDeletingTheAccountRemovesThem) {
  const ApiClient c = guest(*server_);
  const auto id = accepted_photo(c);
  const auto file = server_->data_dir() / "blobs" / "photos" / (id + ".jpg");
  auto exported = c.call("GET", "/api/me/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  ASSERT_EQ(exported.json()["photos"].size(), 1u) << exported.body;
  EXPECT_EQ(exported.json()["photos"][0]["id"], id);
  EXPECT_TRUE(exported.json()["photos"][0]["traits"].is_object());
  EXPECT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(c.call("DELETE", "/api/me").status, 204);
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(PhotoUploads, AreRateLimitedPerUser) {
  auto server = ServerProcess::start(photo_env({{"STORYLOOM_RATELIMIT_PHOTO_UPLOADS_PER_MINUTE", "1"},
                                                {"STORYLOOM_RATELIMIT_PHOTO_UPLOADS_BURST", "2"}}));
  ASSERT_NE(server, nullptr);
  const ApiClient c = guest(*server), other = guest(*server);
  EXPECT_EQ(c.upload_photo_form("not a photo").status, 415);
  EXPECT_EQ(c.upload_photo_form("not a photo").status, 415);
  auto limited = c.upload_photo_form("not a photo");
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_EQ(code_of(limited), "rate_limited");
  EXPECT_FALSE(limited.header("retry-after").empty());
  EXPECT_EQ(other.upload_photo_form("not a photo").status, 415);
}

// faces.load_model=first_photo: serve does not load the face model at start (it is most of the
// idle server's memory); the first photo loads it and still gets its verdict.
TEST(PhotoUploads, WithTheModelLoadedOnTheFirstPhotoTheFirstPhotoStillGetsItsVerdict) {
  auto server = ServerProcess::start(photo_env({{"STORYLOOM_FACES_LOAD_MODEL", "first_photo"}}));
  ASSERT_NE(server, nullptr);
  const ApiClient c = guest(*server);
  auto r = c.upload_photo_form(testdata_photo("astronaut.png"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(r.json()["verdict"]["accepted"].get<bool>()) << r.body;
  EXPECT_EQ(r.json()["verdict"]["face_count"], 1);
  // The background load that at_start runs (and logs) never started.
  EXPECT_EQ(server->log_containing("face_model_loaded", std::chrono::milliseconds(300)).find("face_model_loaded"),
            std::string::npos);
}

TEST(PhotoUploads, AnUnknownWayToLoadTheModelStopsStartUp) {
  const auto out = run_storyloom({"config"}, {{"STORYLOOM_FACES_LOAD_MODEL", "later"}});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.err.find("faces.load_model"), std::string::npos) << out.err;
}

TEST_F(Photos, TheThemesListTheCatalogWithSampleImagesThatAreServed) {
  auto r = get(server_->url("/api/themes"));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto themes = r.json()["themes"];
  std::size_t theme_files = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(STORYLOOM_SOURCE_DIR) + "/catalog/themes"))
    theme_files += e.path().extension() == ".json";
  ASSERT_EQ(themes.size(), theme_files);
  for (const auto& t : themes) {
    EXPECT_FALSE(t["title"].get<std::string>().empty()) << t.dump();
    EXPECT_FALSE(t["description"].get<std::string>().empty()) << t.dump();
    EXPECT_TRUE(t["sample_image_url"].get<std::string>().starts_with("/api/themes/" + t["id"].get<std::string>()));
  }
  const auto sample = get(server_->url(themes[0]["sample_image_url"]));
  ASSERT_EQ(sample.status, 200) << sample.body.substr(0, 300);
  EXPECT_EQ(sample.header("content-type"), "image/jpeg");
  EXPECT_NE(sample.header("cache-control").find("public"), std::string::npos);
  EXPECT_EQ(sample.body.substr(0, 2), "\xFF\xD8");
  EXPECT_GT(sample.body.size(), 10'000u);
  EXPECT_EQ(get(server_->url("/api/themes/no-such-theme/sample")).status, 404);
}

TEST_F(Photos, TheStylesListEveryStyleWithASampleImage) {
  auto r = get(server_->url("/api/styles"));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto styles = r.json()["styles"];
  ASSERT_GE(styles.size(), 2u);
  for (const auto& s : styles) {
    const auto sample = get(server_->url(s["sample_image_url"]));
    EXPECT_EQ(sample.status, 200) << s.dump();
    EXPECT_EQ(sample.header("content-type"), "image/jpeg");
  }
}
