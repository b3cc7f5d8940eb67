#include <gtest/gtest.h>

#include "../books/book_fixture.hpp"
#include "http/routes/book_routes.hpp"

using namespace storyloom;
using test_support::BookFixture;

namespace {

struct Api {
  BookFixture f;
  http::Router router;
  Api() { http::add_book_routes(router, *f.service, f.blobs, {.rules = f.rules, .events_poll = std::chrono::milliseconds(1)}); }

  http::Response call(std::string_view method, std::string_view target, std::optional<std::string> user = "us_parent",
                      std::string body = "") {
    auto req = http::make_request(method, target).value();
    req.user_id = std::move(user);
    req.body = std::move(body);
    req.headers.set("Content-Type", "application/json");
    return router.dispatch(req);
  }
  nlohmann::json json(const http::Response& r) { return nlohmann::json::parse(r.body); }
  std::string start() {
    auto r = call("POST", "/api/books", "us_parent",
                  R"({"child": {"name": "Emma", "age": 6, "pronouns": "she"}, "photo_id": "ph_emma",
                      "theme": "enchanted-forest", "style": "watercolour"})");
    EXPECT_EQ(r.status, 202) << r.body;
    return json(r)["id"];
  }
};

}  // namespace

TEST(BookRoutes, StartingABookAnswers202AndItsProgressCanBeRead) {
  Api api;
  const auto id = api.start();
  auto r = api.call("GET", "/api/books/" + id);
  ASSERT_EQ(r.status, 200);
  auto b = api.json(r);
  EXPECT_EQ(b["status"], "generating");
  EXPECT_EQ(b["progress"]["current_step"], "Writing Emma's story");
  EXPECT_EQ(b["retries_left"], 3);
  api.f.drain();
  b = api.json(api.call("GET", "/api/books/" + id));
  EXPECT_EQ(b["status"], "preview_ready");
  EXPECT_EQ(b["progress"]["percent"], 100);
  EXPECT_TRUE(b["expires_at"].is_number());
}

TEST(BookRoutes, PagesShowFiveSignedPreviewsAndFiveLockedPagesWithoutAnyUrl) {
  Api api;
  const auto id = api.start();
  api.f.drain();
  auto r = api.call("GET", "/api/books/" + id + "/pages");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto pages = api.json(r)["pages"];
  ASSERT_EQ(pages.size(), 10u);
  for (int i = 0; i < 10; ++i) {
    if (i < 5) {
      EXPECT_FALSE(pages[i]["locked"].get<bool>());
      const auto url = pages[i]["image_url"].get<std::string>();
      EXPECT_NE(url.find("preview.png?exp="), std::string::npos) << url;
      EXPECT_NE(url.find("&sig="), std::string::npos);
    } else {
      EXPECT_TRUE(pages[i]["locked"].get<bool>());
      EXPECT_TRUE(pages[i]["image_url"].is_null());
      EXPECT_TRUE(pages[i]["text"].is_null()) << "a locked page's story is part of what is sold";
    }
    if (i < 5) {
      EXPECT_FALSE(pages[i]["text"].get<std::string>().empty());
    }
  }
  // After payment every page shows its final image.
  {
    auto conn = api.f.t.db->acquire().value();
    ASSERT_TRUE(api.f.service->confirm_payment(*conn, id));
  }
  api.f.drain();
  const auto paid = api.json(api.call("GET", "/api/books/" + id + "/pages"))["pages"];
  EXPECT_FALSE(paid[9]["locked"].get<bool>());
  EXPECT_FALSE(paid[9]["text"].get<std::string>().empty());
  EXPECT_NE(paid[9]["image_url"].get<std::string>().find("/final/10-"), std::string::npos);
}

TEST(BookRoutes, EveryRouteNeedsASignedInOwner) {
  Api api;
  const auto id = api.start();
  EXPECT_EQ(api.call("GET", "/api/books/" + id, std::nullopt).status, 401);
  EXPECT_EQ(api.call("GET", "/api/books/" + id, "us_stranger").status, 404);
  EXPECT_EQ(api.call("GET", "/api/books/" + id + "/pages", "us_stranger").status, 404);
  EXPECT_EQ(api.call("DELETE", "/api/books/" + id, "us_stranger").status, 404);
  EXPECT_EQ(api.call("GET", "/api/books", std::nullopt).status, 401);
}

TEST(BookRoutes, BadRequestsGetClearErrorsAndChangeNothing) {
  Api api;
  auto r = api.call("POST", "/api/books", "us_parent", R"({"child": {"name": "Emma"}, "theme": "t", "style": "s"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(api.json(r)["error"]["code"], "book_request_invalid");
  EXPECT_EQ(api.call("POST", "/api/books", "us_parent", "not json").status, 400);
  EXPECT_EQ(api.f.t.count("SELECT COUNT(*) AS n FROM books"), 0);
  const auto id = api.start();
  r = api.call("POST", "/api/books/" + id + "/retry");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(api.json(r)["error"]["code"], "book_invalid_transition");
  EXPECT_EQ(api.call("POST", "/api/books/" + id + "/pages/x/regenerate").status, 404);
  EXPECT_EQ(api.call("GET", "/api/books?limit=abc").status, 400);
}

TEST(BookRoutes, LibraryRegenerationAndDeletion) {
  Api api;
  const auto a = api.start();
  api.f.clock.advance(std::chrono::seconds(1));
  const auto b = api.start();
  auto lib = api.json(api.call("GET", "/api/books?limit=1"));
  ASSERT_EQ(lib["books"].size(), 1u);
  EXPECT_EQ(lib["books"][0]["id"], b);
  lib = api.json(api.call("GET", "/api/books?limit=1&cursor=" + lib["next_cursor"].get<std::string>()));
  EXPECT_EQ(lib["books"][0]["id"], a);
  EXPECT_TRUE(lib["next_cursor"].is_null());

  api.f.drain();
  auto r = api.call("POST", "/api/books/" + a + "/pages/2/regenerate");
  EXPECT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(api.json(r)["regenerations_left"], 2);
  EXPECT_EQ(api.call("DELETE", "/api/books/" + b).status, 204);
  EXPECT_EQ(api.call("GET", "/api/books/" + b).status, 404);
}

TEST(BookRoutes, EventsStreamProgressUntilThePreviewIsReady) {
  Api api;
  const auto id = api.start();
  auto r = api.call("GET", "/api/books/" + id + "/events");
  ASSERT_EQ(r.status, 200);
  ASSERT_TRUE(r.is_streaming());
  auto first = r.next_chunk();
  ASSERT_TRUE(first.has_value());
  EXPECT_NE(first->find("event: progress"), std::string::npos);
  EXPECT_NE(first->find("Writing Emma"), std::string::npos);
  EXPECT_EQ(r.next_chunk(), std::string());  // nothing new yet
  api.f.drain();
  auto last = r.next_chunk();
  ASSERT_TRUE(last.has_value());
  EXPECT_NE(last->find("preview_ready"), std::string::npos);
  EXPECT_FALSE(r.next_chunk().has_value());  // the stream ends once the book settled
}

TEST(BookRoutes, APhotoIdThatIsNotTheCallersPhotoIsRefusedAndNoBookStarts) {
  BookFixture f;
  http::Router router;
  http::add_book_routes(router, *f.service, f.blobs,
                        {.rules = f.rules,
                         .check_photo = [](std::string_view owner, std::string_view photo) -> core::Result<void> {
                           if (owner == "us_parent" && photo == "ph_emma") return {};
                           return core::fail(core::ErrorKind::not_found, "photo_not_found", "There is no such photo.");
                         }});
  const auto start = [&](std::string user, std::string photo) {
    auto req = http::make_request("POST", "/api/books").value();
    req.user_id = std::move(user);
    req.headers.set("Content-Type", "application/json");
    req.body = nlohmann::json{{"child", {{"name", "Emma"}, {"age", 6}}}, {"photo_id", photo},
                              {"theme", "enchanted-forest"}, {"style", "watercolour"}}.dump();
    return router.dispatch(req);
  };
  const auto refused = start("us_stranger", "ph_emma");
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(nlohmann::json::parse(refused.body)["error"]["code"], "photo_not_found");
  EXPECT_EQ(start("us_parent", "ph_missing").status, 404);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM books"), 0);
  EXPECT_EQ(start("us_parent", "ph_emma").status, 202);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM books"), 1);
}
