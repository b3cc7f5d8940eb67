#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "blob/file_store.hpp"
#include "blob/url_signer.hpp"

using namespace storyloom;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("storyloom-blob-" + std::to_string(::getpid()) + "-" +
                                               std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

std::string query_param(const std::string& url, const std::string& name) {
  const auto at = url.find(name + "=");
  const auto end = url.find('&', at);
  return url.substr(at + name.size() + 1, end == std::string::npos ? std::string::npos : end - at - name.size() - 1);
}
}  // namespace

TEST(BlobKeys, RejectTraversalAbsoluteAndOddCharacters) {
  for (const char* bad : {"", "/etc/passwd", "../x", "a/../b", "a//b", "a/./b", "a/", ".hidden", "a b", "a\\b",
                          "a/\n", "x%2e%2e"})
    EXPECT_FALSE(blob::validate_key(bad)) << bad;
  for (const char* good : {"a", "books/bk_1/pages/01.jpg", "photos/ph_x.normalized.jpg"})
    EXPECT_TRUE(blob::validate_key(good)) << good;
}

TEST(BlobKeys, ContentTypeFollowsExtension) {
  EXPECT_EQ(blob::content_type_for("a/b.pdf"), "application/pdf");
  EXPECT_EQ(blob::content_type_for("a/b.JPG.bin"), "application/octet-stream");
  EXPECT_EQ(blob::content_type_for("a.d/noext"), "application/octet-stream");
}

TEST(FileStore, PutGetExistsRemove) {
  TempDir dir;
  core::ManualClock clock;
  blob::UrlSigner signer("s3cret-s3cret-s3cret-s3cret-s3cret", clock);
  blob::FileStore store(dir.path, signer);
  const std::string bytes("\x89PNG\0binary", 11);
  ASSERT_TRUE(store.put("books/bk_1/cover.png", bytes));
  EXPECT_EQ(store.get("books/bk_1/cover.png").value(), bytes);
  EXPECT_TRUE(store.exists("books/bk_1/cover.png").value());
  ASSERT_TRUE(store.put("books/bk_1/cover.png", "v2"));
  EXPECT_EQ(store.get("books/bk_1/cover.png").value(), "v2");
  ASSERT_TRUE(store.remove("books/bk_1/cover.png"));
  EXPECT_EQ(store.get("books/bk_1/cover.png").error().code, "blob_not_found");
  EXPECT_TRUE(store.remove("books/bk_1/cover.png"));  // absent is fine
  EXPECT_EQ(store.put("../escape", "x").error().code, "blob_key_invalid");
  EXPECT_FALSE(fs::exists(dir.path.parent_path() / "escape"));
}

TEST(FileStore, RemovePrefixRemovesEverythingBelowIt) {
  TempDir dir;
  core::ManualClock clock;
  blob::UrlSigner signer("s3cret-s3cret-s3cret-s3cret-s3cret", clock);
  blob::FileStore store(dir.path, signer);
  ASSERT_TRUE(store.put("books/bk_1/a.jpg", "a"));
  ASSERT_TRUE(store.put("books/bk_1/pages/b.jpg", "b"));
  ASSERT_TRUE(store.put("books/bk_2/c.jpg", "c"));
  EXPECT_EQ(store.remove_prefix("books/bk_1/").value(), 2);
  EXPECT_FALSE(store.exists("books/bk_1/a.jpg").value());
  EXPECT_TRUE(store.exists("books/bk_2/c.jpg").value());
  EXPECT_TRUE(store.check_writable());
}

TEST(FileStore, WritesLeaveNothingBesideTheKeysAndOpeningSweepsWhatKilledWritersLeft) {
  TempDir dir;
  core::ManualClock clock;
  blob::UrlSigner signer("s3cret-s3cret-s3cret-s3cret-s3cret", clock);
  const fs::path incoming = dir.path / blob::FileStore::kIncoming;
  {
    blob::FileStore store(dir.path, signer);
    ASSERT_TRUE(store.put("books/bk_1/pages/01.png", "png"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path / "books/bk_1/pages"), fs::directory_iterator()), 1);
    EXPECT_TRUE(fs::is_empty(incoming));
  }
  // A writer killed mid-write (no such process: a pid above any pid_max), one still writing
  // (this process), and a day-old file whose name names no process.
  auto write = [&](const std::string& name) { std::ofstream(incoming / name) << "half"; };
  write("4194305-0123456789abcdef");
  write(std::to_string(::getpid()) + "-fedcba9876543210");
  write("stray");
  fs::last_write_time(incoming / "stray", fs::file_time_type::clock::now() - std::chrono::hours(25));
  blob::FileStore reopened(dir.path, signer);
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(incoming)) left.push_back(e.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{std::to_string(::getpid()) + "-fedcba9876543210"});
  EXPECT_EQ(reopened.get("books/bk_1/pages/01.png").value(), "png");
  EXPECT_EQ(reopened.put(std::string(blob::FileStore::kIncoming) + "/x", "x").error().code, "blob_key_invalid");
}

TEST(UrlSigner, AcceptsItsOwnLinkUntilItExpires) {
  core::ManualClock clock(1'000'000);
  blob::UrlSigner signer("s3cret-s3cret-s3cret-s3cret-s3cret", clock, "https://shop.example");
  const std::string url = signer.sign("books/bk_1/book.pdf", std::chrono::seconds(60));
  EXPECT_TRUE(url.starts_with("https://shop.example/files/books/bk_1/book.pdf?exp=1000060&sig="));
  const std::string exp = query_param(url, "exp"), sig = query_param(url, "sig");
  EXPECT_TRUE(signer.verify("books/bk_1/book.pdf", exp, sig));
  EXPECT_EQ(signer.verify("books/bk_2/book.pdf", exp, sig).error().code, "link_invalid");
  EXPECT_EQ(signer.verify("books/bk_1/book.pdf", "1000061", sig).error().code, "link_invalid");
  EXPECT_EQ(signer.verify("books/bk_1/book.pdf", exp, "").error().code, "link_invalid");
  EXPECT_EQ(signer.verify("books/bk_1/book.pdf", "12x", sig).error().code, "link_invalid");
  clock.advance(std::chrono::seconds(61));
  EXPECT_EQ(signer.verify("books/bk_1/book.pdf", exp, sig).error().code, "link_expired");
}

TEST(UrlSigner, AnotherSecretsLinkIsRefused) {
  core::ManualClock clock;
  blob::UrlSigner mine("s3cret-s3cret-s3cret-s3cret-s3cret", clock), theirs("other-other-other-other-other-other", clock);
  const std::string url = theirs.sign("k.pdf", std::chrono::seconds(60));
  EXPECT_FALSE(mine.verify("k.pdf", query_param(url, "exp"), query_param(url, "sig")));
}

TEST(SigningSecret, IsCreatedOncePrivatelyAndThenReused) {
  TempDir dir;
  const std::string path = (dir.path / "keys" / "signing.key").string();
  const std::string first = blob::load_or_create_secret(path).value();
  EXPECT_EQ(first.size(), 64u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(blob::load_or_create_secret(path).value(), first);
}
