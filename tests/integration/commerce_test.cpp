// Commerce over HTTP against the real server: products, checkout validation and ownership, the
// orders list and detail, downloads, and the whole offline purchase through the demo provider's
// page (which needs the book pipeline wired into serve). Webhooks signed by the providers' SDKs:
// tests/integration/node/.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "harness/api_client.hpp"
#include "harness/http_client.hpp"
#include "harness/server_process.hpp"
#include "harness/shared_server_test.hpp"

using namespace harness;

namespace {

class Commerce : public harness::SharedServerTest<Commerce> {
 public:
  // Tests poll from one address; the rate limits are not what they are about.
  static Env server_env() {
    return {{"STORYLOOM_RATELIMIT_API_PER_MINUTE", "100000"},
            {"STORYLOOM_RATELIMIT_API_BURST", "100000"},
            {"STORYLOOM_RATELIMIT_AUTH_PER_MINUTE", "100000"},
            {"STORYLOOM_RATELIMIT_AUTH_BURST", "100000"}};
  }
};

}  // namespace

TEST_F(Commerce, ListsTheCatalogsProductsWithIntegerPrices) {
  auto r = get(server_->url("/api/products"));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto products = r.json()["products"];
  ASSERT_TRUE(products.is_array());
  nlohmann::json digital, hardcover;
  for (const auto& p : products) {
    if (p["id"] == "digital-pdf") digital = p;
    if (p["id"] == "hardcover") hardcover = p;
  }
  EXPECT_EQ(digital["price"]["amount_minor"], 1499);
  EXPECT_EQ(digital["price"]["currency"], "USD");
  EXPECT_EQ(digital["requires_shipping"], false);
  EXPECT_EQ(hardcover["requires_shipping"], true);
  EXPECT_FALSE(hardcover["shipping"].empty());
}

TEST_F(Commerce, EveryBuyerRouteNeedsASignedInUser) {
  EXPECT_EQ(get(server_->url("/api/orders")).status, 401);
  EXPECT_EQ(get(server_->url("/api/orders/ord_x")).status, 401);
  EXPECT_EQ(get(server_->url("/api/books/bk_x/download?format=pdf")).status, 401);
  EXPECT_EQ(request(server_->url("/api/books/bk_x/checkout"),
                    {.method = "POST", .headers = {"Content-Type: application/json"}, .body = R"({"product":"digital-pdf"})"})
                .status,
            401);
}

TEST_F(Commerce, CheckoutOpensAnOrderOnlyForTheOwnersPreviewedBook) {
  const ApiClient owner = guest(*server_), stranger = guest(*server_);
  const std::string book = seed_previewed_book(*server_, owner.user_id);
  EXPECT_EQ(stranger.call("POST", "/api/books/" + book + "/checkout", {{"product", "digital-pdf"}}).status, 404);
  auto unknown = owner.call("POST", "/api/books/" + book + "/checkout", {{"product", "a-pony"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json()["error"]["details"]["field"], "product");

  auto started = owner.call("POST", "/api/books/" + book + "/checkout", {{"product", "digital-pdf"}});
  ASSERT_EQ(started.status, 201) << started.body;
  const auto order = started.json()["order"];
  EXPECT_EQ(order["status"], "payment_pending");
  EXPECT_EQ(order["total"]["amount_minor"], 1499);
  EXPECT_EQ(started.json()["checkout_url"], "/checkout/demo/" + order["id"].get<std::string>());
  EXPECT_EQ(owner.call("GET", "/api/books/" + book).json()["status"], "payment_pending");

  EXPECT_EQ(owner.call("GET", "/api/orders/" + order["id"].get<std::string>()).status, 200);
  EXPECT_EQ(stranger.call("GET", "/api/orders/" + order["id"].get<std::string>()).status, 404);
  EXPECT_EQ(get(server_->url(started.json()["checkout_url"].get<std::string>()),
                {"Authorization: Bearer " + stranger.token}).status,
            404);  // nor its demo page
}

TEST_F(Commerce, APrintedBookNeedsAValidShippingAddressAndEveryErrorNamesItsField) {
  const ApiClient owner = guest(*server_);
  const std::string book = seed_previewed_book(*server_, owner.user_id);
  auto missing = owner.call("POST", "/api/books/" + book + "/checkout", {{"product", "hardcover"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(code_of(missing), "shipping_address_invalid");
  auto bad = owner.call("POST", "/api/books/" + book + "/checkout",
                        {{"product", "hardcover"},
                         {"shipping_option", "express"},
                         {"shipping_address", {{"name", "Ada Parent"}, {"line1", ""}, {"city", "London"},
                                               {"postal_code", "12345"}, {"country", "GB"}}}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  const auto fields = bad.json()["error"]["details"]["fields"];
  EXPECT_TRUE(fields.contains("line1"));
  EXPECT_TRUE(fields.contains("postal_code"));
  EXPECT_TRUE(fields.contains("phone"));  // express needs one
  EXPECT_FALSE(fields.contains("city"));
  EXPECT_TRUE(owner.call("GET", "/api/orders").json()["orders"].empty()) << "a refused checkout stored an order";

  auto ok = owner.call("POST", "/api/books/" + book + "/checkout",
                       {{"product", "hardcover"},
                        {"shipping_address", {{"name", "Ada Parent"}, {"line1", "10 Downing Street"}, {"city", "London"},
                                              {"postal_code", "SW1A 2AA"}, {"country", "GB"}}}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["order"]["total"]["amount_minor"], 3999 + 599);
  EXPECT_EQ(ok.json()["order"]["shipping_address"]["postal_code"], "SW1A 2AA");
}

TEST_F(Commerce, OrdersAreListedNewestFirstAPageAtATime) {
  const ApiClient owner = guest(*server_);
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    if (i) std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // created_at has one-second steps
    auto r = owner.call("POST", "/api/books/" + seed_previewed_book(*server_, owner.user_id) + "/checkout",
                        {{"product", "digital-pdf"}});
    ASSERT_EQ(r.status, 201) << r.body;
    ids.push_back(r.json()["order_id"]);
  }
  auto first = owner.call("GET", "/api/orders?limit=2");
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(first.json()["orders"].size(), 2u);
  EXPECT_EQ(first.json()["orders"][0]["id"], ids[2]);
  EXPECT_EQ(first.json()["orders"][1]["id"], ids[1]);
  EXPECT_FALSE(first.json()["orders"][0]["status_history"].empty());
  const std::string cursor = first.json()["next_cursor"];
  auto second = owner.call("GET", "/api/orders?limit=2&cursor=" + cursor);
  ASSERT_EQ(second.json()["orders"].size(), 1u);
  EXPECT_EQ(second.json()["orders"][0]["id"], ids[0]);
  EXPECT_TRUE(second.json()["next_cursor"].is_null());
  EXPECT_EQ(owner.call("GET", "/api/orders?limit=0").status, 400);
  EXPECT_TRUE(guest(*server_).call("GET", "/api/orders").json()["orders"].empty());
}

TEST_F(Commerce, DownloadsAreForbiddenUntilPaidAndHiddenFromOthers) {
  const ApiClient owner = guest(*server_), stranger = guest(*server_);
  const std::string book = seed_previewed_book(*server_, owner.user_id);
  auto unpaid = owner.call("GET", "/api/books/" + book + "/download?format=pdf");
  EXPECT_EQ(unpaid.status, 403);
  EXPECT_EQ(code_of(unpaid), "book_not_paid");
  EXPECT_EQ(stranger.call("GET", "/api/books/" + book + "/download?format=pdf").status, 404);
  EXPECT_EQ(owner.call("GET", "/api/books/bk_nope/download?format=pdf").status, 404);
}

// Done when (issue 6): offline, a new user buys a previewed book through the demo provider and
// downloads a PDF whose pages 6–10 were never visible before.
TEST_F(Commerce, AnOfflinePurchaseThroughTheDemoPageUnlocksAndDeliversTheBook) {
  const ApiClient owner = guest(*server_);
  auto made = owner.call("POST", "/api/books", {{"child", {{"name", "Emma"}, {"age", 6}, {"pronouns", "she"}}},
                                                {"theme", "enchanted-forest"}, {"style", "storybook"}});
  ASSERT_EQ(made.status, 202) << made.body;
  const std::string book = made.json()["id"];
  if (server_->log().find("book_pipeline_unavailable") != std::string::npos)
    GTEST_SKIP() << "the book pipeline's ports are not wired into serve on this build: no book can reach its preview";
  std::string status;
  for (int i = 0; i < 600 && status != "preview_ready" && status != "failed"; ++i) {
    status = owner.call("GET", "/api/books/" + book).json().value("status", "");
    if (status != "preview_ready") std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(status, "preview_ready");
  const auto locked = owner.call("GET", "/api/books/" + book + "/pages").json()["pages"];
  for (const auto& p : locked) {
    if (p["number"].get<int>() > 5) {
      EXPECT_TRUE(p["image_url"].is_null()) << "page " << p["number"] << " was visible";
    }
  }

  auto started = owner.call("POST", "/api/books/" + book + "/checkout",
                            {{"product", "digital-pdf"}, {"email", "emma.parent@example.com"}});
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string page_url = started.json()["checkout_url"];
  EXPECT_NE(get(server_->url(page_url)).body.find("class=\"pay\""), std::string::npos);
  auto pay = request(server_->url(page_url + "/pay"), {.method = "POST"});
  ASSERT_EQ(pay.status, 303) << pay.body;

  for (int i = 0; i < 600 && status != "ready" && status != "failed"; ++i) {
    status = owner.call("GET", "/api/books/" + book).json().value("status", "");
    if (status != "ready") std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(status, "ready") << server_->log();
  const auto pages = owner.call("GET", "/api/books/" + book + "/pages").json();  // kept: a range-for over a
  for (const auto& p : pages["pages"]) {                                           // temporary's member dangles
    EXPECT_FALSE(p["image_url"].is_null()) << "page " << p["number"] << " is still locked";
  }
  const auto order = owner.call("GET", "/api/orders/" + started.json()["order_id"].get<std::string>()).json();
  EXPECT_EQ(order["status"], "fulfilled");
  ASSERT_EQ(order["download_links"].size(), 1u);

  auto download = owner.call("GET", "/api/books/" + book + "/download?format=pdf");
  ASSERT_EQ(download.status, 302) << download.body;
  auto pdf = get(server_->url(download.header("location")));
  ASSERT_EQ(pdf.status, 200);
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  // Poppler's pdfinfo, a real PDF parser, counts the pages: every page of the story is in it.
  const auto pdf_path = server_->data_dir() / "downloaded.pdf";
  std::ofstream(pdf_path, std::ios::binary) << pdf.body;
  const std::string info = run_command("pdfinfo '" + pdf_path.string() + "'");
  const auto pages_at = info.find("Pages:");
  ASSERT_NE(pages_at, std::string::npos) << info;
  EXPECT_GE(std::stoi(info.substr(pages_at + 6)), 10) << info;

  // The delivery mail: one, to the address given at checkout, text and HTML, with an absolute link.
  std::string mail;
  for (const auto& e : std::filesystem::directory_iterator(server_->data_dir() / "outbox")) {
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("To: emma.parent@example.com") != std::string::npos) mail += text.str();
  }
  EXPECT_NE(mail.find("multipart/alternative"), std::string::npos);
  EXPECT_NE(mail.find("http://localhost:8080/files/deliveries/"), std::string::npos) << mail;
}
