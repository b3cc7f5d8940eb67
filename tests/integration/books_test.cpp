// A book made by the real pipeline in the real server, through the API alone: a guest uploads a
// photo, starts a book, watches its progress (GET and the SSE stream), gets a preview with five
// watermarked pages behind signed links and five locked pages with no link at all, regenerates a
// page and deletes the book. A `storyloom worker` alone makes the books a server without
// workers took in. And the crash test: the server killed with SIGKILL in the middle of
// a book, started again on the same data directory, finishes it with exactly its pages and one
// credit used.
#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <sstream>
#include <thread>

#include "harness/api_client.hpp"
#include "harness/files.hpp"
#include "harness/http_client.hpp"
#include "harness/server_process.hpp"
#include "harness/shared_server_test.hpp"

using namespace harness;
using namespace std::chrono_literals;

namespace {


// Short leases so a killed server's jobs are taken up again within seconds.
Env book_env() {
  return {{"STORYLOOM_RATELIMIT_AUTH_PER_MINUTE", "100000"}, {"STORYLOOM_RATELIMIT_AUTH_BURST", "100000"},
          {"STORYLOOM_RATELIMIT_API_PER_MINUTE", "100000"}, {"STORYLOOM_RATELIMIT_API_BURST", "100000"},
          {"STORYLOOM_RATELIMIT_PHOTO_UPLOADS_PER_MINUTE", "0"}, {"STORYLOOM_JOBS_LEASE_SECONDS", "5"},
          {"STORYLOOM_JOBS_RETRY_BASE_SECONDS", "1"}, {"STORYLOOM_WORKERS", "2"}};
}

// The astronaut photo, uploaded and accepted; answers its id.
std::string accepted_astronaut(const ApiClient& c) {
  auto r = c.upload_photo(testdata_photo("astronaut.jpg"));
  EXPECT_EQ(r.status, 201) << r.body;
  return r.json().value("id", "");
}

std::string start_book(const ApiClient& c, const std::string& photo_id, const std::string& style = "storybook") {
  auto r = c.call("POST", "/api/books",
                  {{"child", {{"name", "Emma"}, {"age", 6}, {"pronouns", "she"}, {"favourite_colour", "purple"}}},
                   {"photo_id", photo_id}, {"theme", "enchanted-forest"}, {"style", style}});
  EXPECT_EQ(r.status, 202) << r.body;
  return r.json().value("id", "");
}

nlohmann::json book_of(const ApiClient& c, const std::string& id) { return c.call("GET", "/api/books/" + id).json(); }
std::int64_t balance_of(const ApiClient& c) { return c.call("GET", "/api/credits").json().value("balance", -1); }

// Polls until the book leaves `generating`; every percent seen is appended to `seen`.
nlohmann::json wait_until_settled(const ApiClient& c, const std::string& id, std::vector<int>& seen,
                                  std::chrono::seconds limit = 240s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  nlohmann::json book;
  while (std::chrono::steady_clock::now() < deadline) {
    book = book_of(c, id);
    if (book.contains("progress")) seen.push_back(book["progress"].value("percent", -1));
    if (book.value("status", "") != "generating") return book;
    std::this_thread::sleep_for(250ms);
  }
  ADD_FAILURE() << "the book did not settle in " << limit.count() << " s: " << book.dump();
  return book;
}

// Width and height from a PNG's IHDR chunk; {0, 0} when the bytes are not a PNG.
std::pair<int, int> png_size(const std::string& b) {
  if (b.size() < 24 || b.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
  auto be32 = [&](std::size_t at) {
    return (std::uint8_t(b[at]) << 24) | (std::uint8_t(b[at + 1]) << 16) | (std::uint8_t(b[at + 2]) << 8) | std::uint8_t(b[at + 3]);
  };
  return {be32(16), be32(20)};
}

std::vector<std::string> files_under(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(std::filesystem::relative(e.path(), dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

std::filesystem::path books_dir(const ServerProcess& s) { return s.data_dir() / "blobs" / "books"; }

class Books : public harness::SharedServerTest<Books> {
 public:
  static Env server_env() { return book_env(); }
 protected:
  static std::filesystem::path book_dir(const std::string& id) { return books_dir(*server_) / id; }
};

// The events stream's `progress` payloads, in order.
std::vector<nlohmann::json> progress_events(const std::string& body) {
  std::vector<nlohmann::json> out;
  std::istringstream lines(body);
  std::string line, event;
  while (std::getline(lines, line)) {
    if (line.starts_with("event: ")) event = line.substr(7);
    if (line.starts_with("data: ") && event == "progress") out.push_back(nlohmann::json::parse(line.substr(6), nullptr, false));
  }
  return out;
}

void expect_preview_pages(const ApiClient& c, const nlohmann::json& pages) {
  ASSERT_EQ(pages.size(), 10u) << pages.dump();
  for (const auto& p : pages) {
    const int n = p.value("number", 0);
    SCOPED_TRACE("page " + std::to_string(n));
    if (n <= 5) {
      EXPECT_FALSE(p.value("text", "").empty());
      EXPECT_FALSE(p.value("locked", true));
      ASSERT_TRUE(p["image_url"].is_string());
      auto image = get(c.server->url(p["image_url"].get<std::string>()));
      EXPECT_EQ(image.status, 200);
      EXPECT_EQ(image.header("content-type"), "image/png");
      EXPECT_EQ(png_size(image.body), (std::pair{1024, 1024}));  // the preview size, never print art
      EXPECT_TRUE(p.value("personalized", false)) << "the face was not placed";
    } else {
      EXPECT_TRUE(p.value("locked", false));
      EXPECT_TRUE(p["image_url"].is_null());
      EXPECT_TRUE(p["text"].is_null()) << "the story of a locked page is what the parent buys";
    }
  }
}

// Only the preview pages have a preview image; the other pictures are private blobs that no
// link reaches, unsigned or with another page's signature; a stranger does not see the book.
void expect_locked_pictures_unreachable(ServerProcess& server, const std::filesystem::path& book_dir,
                                        const std::string& id, const nlohmann::json& pages) {
  for (const auto& f : files_under(book_dir / "pages"))
    if (f.find("preview") != std::string::npos) {
      EXPECT_LE(f.substr(0, 2), "05") << f;
    }
  const auto link = pages[0]["image_url"].get<std::string>();  // /files/books/<id>/pages/01-g0-preview.png?exp=&sig=
  const auto query = link.substr(link.find('?'));
  for (const auto* name : {"06-g0-preview.png", "06-g0-personal.png", "06-g0-base.png", "01-g0-personal.png"}) {
    const auto path = "/files/books/" + id + "/pages/" + name;
    EXPECT_EQ(get(server.url(path)).status, 403) << path;
    EXPECT_EQ(get(server.url(path + query)).status, 403) << path;
  }
  const ApiClient stranger = guest(server);
  EXPECT_EQ(stranger.call("GET", "/api/books/" + id + "/pages").status, 404);
  EXPECT_EQ(stranger.call("GET", "/api/books/" + id).status, 404);
}

// Pages reach the parent as they are made: the first page is personalized (and its preview shown)
// before the last page is drawn, rather than all drawing first. generation_log's rows are in the
// order the steps ended.
void expect_pages_finished_one_by_one(const ServerProcess& server, const std::string& id) {
  std::istringstream rows(sqlite(server, "SELECT step FROM generation_log WHERE subject_id = '" + id + "' ORDER BY rowid"));
  std::vector<std::string> steps;
  for (std::string step; std::getline(rows, step);) steps.push_back(step);
  const auto first_personalized = std::find(steps.begin(), steps.end(), "personalize_page");
  const auto last_drawn = std::find(steps.rbegin(), steps.rend(), "illustrate_page");
  ASSERT_NE(first_personalized, steps.end()) << rows.str();
  ASSERT_NE(last_drawn, steps.rend()) << rows.str();
  EXPECT_LT(first_personalized - steps.begin(), steps.rend() - last_drawn - 1) << rows.str();
}

}  // namespace

TEST_F(Books, AGuestGetsAPreviewWithFiveWatermarkedPagesAndFiveLockedOnesNoLinkReaches) {
  const ApiClient c = guest(*server_);
  const auto photo = accepted_astronaut(c);
  EXPECT_EQ(balance_of(c), 1);  // a guest's free preview
  const auto started = std::chrono::steady_clock::now();
  const auto id = start_book(c, photo);
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(balance_of(c), 0);
  auto events = std::async(std::launch::async, [&] { return c.call("GET", "/api/books/" + id + "/events", nullptr, {}, 240'000); });

  std::vector<int> seen;
  const auto book = wait_until_settled(c, id, seen);
  ASSERT_EQ(book.value("status", ""), "preview_ready") << book.dump();
  std::cout << "[ book ] preview ready in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << "progress went backwards";
  EXPECT_EQ(book["progress"].value("percent", 0), 100);
  EXPECT_EQ(book["progress"].value("pages_completed", 0), 10);
  EXPECT_NE(book.value("title", "").find("Emma"), std::string::npos) << book.value("title", "");  // a seeded title

  // The stream told the same story and ended by itself once the preview was ready.
  const auto stream = events.get();
  EXPECT_EQ(stream.status, 200);
  EXPECT_EQ(stream.header("content-type").rfind("text/event-stream", 0), 0u);
  const auto updates = progress_events(stream.body);
  ASSERT_GE(updates.size(), 2u) << stream.body;
  EXPECT_EQ(updates.front().value("status", ""), "generating");
  EXPECT_EQ(updates.back().value("status", ""), "preview_ready");
  EXPECT_LT(updates.front()["progress"].value("percent", 100), 100);
  expect_pages_finished_one_by_one(*server_, id);

  auto pages = c.call("GET", "/api/books/" + id + "/pages");
  ASSERT_EQ(pages.status, 200);
  expect_preview_pages(c, pages.json()["pages"]);
  expect_locked_pictures_unreachable(*server_, book_dir(id), id, pages.json()["pages"]);
  // A second book needs a credit the guest no longer has.
  auto second = c.call("POST", "/api/books", {{"child", {{"name", "Emma"}, {"age", 6}}}, {"photo_id", photo},
                                              {"theme", "enchanted-forest"}, {"style", "storybook"}});
  EXPECT_EQ(second.status, 402) << second.body;
  EXPECT_EQ(code_of(second), "insufficient_credits");
}

TEST_F(Books, ARegeneratedPageIsDrawnAgainAndADeletedBookIsGone) {
  const ApiClient c = guest(*server_);
  const auto id = start_book(c, accepted_astronaut(c));
  std::vector<int> seen;
  ASSERT_EQ(wait_until_settled(c, id, seen).value("status", ""), "preview_ready");
  auto before = c.call("GET", "/api/books/" + id + "/pages").json()["pages"];
  const auto old_link = before[1]["image_url"].get<std::string>();
  const auto old_picture = get(server_->url(old_link)).body;

  auto regenerate = c.call("POST", "/api/books/" + id + "/pages/2/regenerate");
  ASSERT_EQ(regenerate.status, 202) << regenerate.body;
  EXPECT_EQ(regenerate.json().value("regenerations_left", -1), 2);
  const auto book = wait_until_settled(c, id, seen);
  ASSERT_EQ(book.value("status", ""), "preview_ready") << book.dump();
  auto after = c.call("GET", "/api/books/" + id + "/pages").json()["pages"];
  expect_preview_pages(c, after);
  const auto new_picture = get(server_->url(after[1]["image_url"].get<std::string>())).body;
  EXPECT_NE(new_picture, old_picture);  // another seed, another picture
  EXPECT_EQ(get(server_->url(after[0]["image_url"].get<std::string>())).status, 200);
  EXPECT_EQ(get(server_->url(old_link)).status, 404);  // the old picture was removed

  EXPECT_EQ(c.call("DELETE", "/api/books/" + id).status, 204);
  EXPECT_EQ(c.call("GET", "/api/books/" + id).status, 404);
  EXPECT_TRUE(files_under(book_dir(id)).empty());
  EXPECT_EQ(get(server_->url(after[0]["image_url"].get<std::string>())).status, 404);
}

TEST_F(Books, ABookForAnUnknownThemeOrAnUnwritableChildIsRefusedAtOnce) {
  const ApiClient c = guest(*server_);
  const auto photo = accepted_astronaut(c);
  const auto attempt = [&](nlohmann::json child, const std::string& theme, const std::string& style) {
    return c.call("POST", "/api/books", {{"child", child}, {"photo_id", photo}, {"theme", theme}, {"style", style}});
  };
  const nlohmann::json emma{{"name", "Emma"}, {"age", 6}};
  EXPECT_EQ(code_of(attempt(emma, "moon-base", "storybook")), "theme_unknown");
  EXPECT_EQ(code_of(attempt(emma, "enchanted-forest", "oil-paint")), "style_unknown");
  EXPECT_EQ(code_of(attempt({{"name", "Emma"}, {"age", 13}}, "enchanted-forest", "storybook")), "age_out_of_range");
  EXPECT_EQ(code_of(attempt({{"name", "R2D2"}, {"age", 6}}, "enchanted-forest", "storybook")), "child_name_invalid");
  EXPECT_EQ(code_of(attempt({{"name", "Emma"}, {"age", 6}, {"pronouns", "xe"}}, "enchanted-forest", "storybook")),
            "book_child_invalid");
  EXPECT_EQ(attempt(emma, "moon-base", "storybook").status, 400);
  EXPECT_EQ(balance_of(c), 1);  // nothing was charged
  EXPECT_EQ(c.call("GET", "/api/books").json()["books"].size(), 0u);
}

TEST(BooksAfterACrash, AKilledServerFinishesTheBookWithItsPagesAndOneCredit) {
  auto server = ServerProcess::start(book_env());
  ASSERT_NE(server, nullptr);
  ApiClient c = guest(*server);
  const auto id = start_book(c, accepted_astronaut(c));
  // Kill it mid-book: once some pictures exist and the preview does not.
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  int percent = 0;
  while (std::chrono::steady_clock::now() < deadline && percent < 20) {
    percent = book_of(c, id)["progress"].value("percent", 0);
    std::this_thread::sleep_for(50ms);
  }
  ASSERT_GE(percent, 20);
  ASSERT_EQ(book_of(c, id).value("status", ""), "generating") << "too late to kill it mid-book";
  server->signal(SIGKILL);
  ASSERT_EQ(server->wait(5s), 128 + SIGKILL);

  ASSERT_TRUE(server->restart());
  std::vector<int> seen;
  const auto book = wait_until_settled(c, id, seen);
  ASSERT_EQ(book.value("status", ""), "preview_ready") << book.dump() << server->log();
  expect_preview_pages(c, c.call("GET", "/api/books/" + id + "/pages").json()["pages"]);
  // Exactly the book's pictures: 10 drawn, 10 personalized, 5 previews, one preview PDF.
  const auto files = files_under(books_dir(*server) / id);
  EXPECT_EQ(files.size(), 26u) << testing::PrintToString(files);
  // The write the kill cut short was swept when the server opened its store again.
  EXPECT_TRUE(files_under(server->data_dir() / "blobs" / ".incoming").empty());  // blob::FileStore::kIncoming
  EXPECT_EQ(std::count_if(files.begin(), files.end(), [](const auto& f) { return f.ends_with(".pdf"); }), 1);
  auto ledger = c.call("GET", "/api/credits").json();
  EXPECT_EQ(ledger.value("balance", -1), 0);
  int consumed = 0;
  for (const auto& e : ledger["entries"]) consumed += e.value("kind", "") == "consume";
  EXPECT_EQ(consumed, 1) << ledger.dump();
}

TEST(BooksFromWorkers, AWorkerProcessMakesTheBooksAServerWithoutWorkersTookIn) {
  Env env = book_env();
  env["STORYLOOM_WORKERS"] = "0";
  auto server = ServerProcess::start(env);
  ASSERT_NE(server, nullptr);
  ApiClient c = guest(*server);
  const auto id = start_book(c, accepted_astronaut(c), "cartoon");
  std::this_thread::sleep_for(1s);
  EXPECT_EQ(book_of(c, id)["progress"].value("percent", -1), 0);  // nobody here to write it
  env["STORYLOOM_WORKERS"] = "2";
  auto worker = BackgroundCommand::start({"worker", "--data-dir", server->data_dir().string()}, env);
  std::vector<int> seen;
  const auto book = wait_until_settled(c, id, seen);
  ASSERT_EQ(book.value("status", ""), "preview_ready") << book.dump() << worker->log();
  expect_preview_pages(c, c.call("GET", "/api/books/" + id + "/pages").json()["pages"]);
  EXPECT_EQ(worker->stop(), 0);  // a graceful stop on SIGTERM
}
