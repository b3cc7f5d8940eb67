// Signed, expiring links to blobs: GET /files/<key>?exp=&sig= with ranges.
#include <gtest/gtest.h>

#include <fstream>

#include "blob/url_signer.hpp"
#include "core/clock.hpp"
#include "harness/http_client.hpp"
#include "harness/server_process.hpp"

using namespace harness;
using namespace std::chrono_literals;

namespace {

const std::string kSecret(64, 'k');

class Files : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start({{"STORYLOOM_BLOB_SIGNING_SECRET", kSecret}}).release();
    if (!server_) return;
    const auto dir = server_->data_dir() / "blobs" / "books" / "bk_test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "page.png", std::ios::binary) << content();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_, nullptr); }

  static std::string content() {
    std::string bytes = "\x89PNG\r\n\x1a\n";
    for (int i = 0; i < 1000; ++i) bytes += static_cast<char>('a' + i % 26);
    return bytes;
  }
  static std::string signed_path(const std::string& key, std::chrono::seconds ttl) {
    const storyloom::blob::UrlSigner signer(kSecret, storyloom::core::system_clock());
    return signer.sign(key, ttl);
  }
  static ServerProcess* server_;
};
ServerProcess* Files::server_ = nullptr;

}  // namespace

TEST_F(Files, ServesAValidLinkWithItsContentType) {
  const auto res = get(server_->url(signed_path("books/bk_test/page.png", 60s)));
  EXPECT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("content-type"), "image/png");
  EXPECT_EQ(res.header("accept-ranges"), "bytes");
  EXPECT_EQ(res.body, content());
}

TEST_F(Files, RefusesAnExpiredLink) {
  const auto res = get(server_->url(signed_path("books/bk_test/page.png", -10s)));
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(res.json()["error"]["code"], "link_expired");
}

TEST_F(Files, RefusesATamperedLink) {
  std::string path = signed_path("books/bk_test/page.png", 60s);
  path.back() = path.back() == '0' ? '1' : '0';
  const auto res = get(server_->url(path));
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(res.json()["error"]["code"], "link_invalid");
  // A good signature for one key opens no other key.
  std::string other = signed_path("books/bk_test/page.png", 60s);
  other.replace(other.find("page.png"), 8, "cover.png");
  EXPECT_EQ(get(server_->url(other)).status, 403);
  EXPECT_EQ(get(server_->url("/files/books/bk_test/page.png")).status, 403);
}

TEST_F(Files, AnswersRanges) {
  const auto url = server_->url(signed_path("books/bk_test/page.png", 60s));
  const auto part = get(url, {"Range: bytes=8-17"});
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.header("content-range"), "bytes 8-17/1008");
  EXPECT_EQ(part.body, content().substr(8, 10));
  const auto tail = get(url, {"Range: bytes=-4"});
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(tail.body, content().substr(1004));
  const auto outside = get(url, {"Range: bytes=5000-"});
  EXPECT_EQ(outside.status, 416);
  EXPECT_EQ(outside.header("content-range"), "bytes */1008");
  EXPECT_EQ(outside.json()["error"]["code"], "range_not_satisfiable");
}

TEST_F(Files, MissingBlobWithAValidLinkIs404) {
  const auto res = get(server_->url(signed_path("books/bk_test/missing.png", 60s)));
  EXPECT_EQ(res.status, 404);
  EXPECT_TRUE(res.json()["error"].is_object());
}
