// Books and orders in the accounts' privacy machinery, against the real server: a guest's book
// and order follow the guest into the account made from its session (and, from another device,
// through the mailed claim link once the guest checked out with that email); the export lists
// the books with working signed links and the orders; deleting the account removes the books,
// their pages and blobs, and keeps the orders for accounting without the buyer's personal data.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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

// Polls the book until it reaches `wanted` (or failed, or the time is up); answers the last status.
std::string wait_for_status(const ApiClient& p, const std::string& book, const std::string& wanted,
                            std::chrono::seconds limit = 300s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::string status;
  while (std::chrono::steady_clock::now() < deadline) {
    status = p.book_status(book);
    if (status == wanted || status == "failed") break;
    std::this_thread::sleep_for(200ms);
  }
  return status;
}

std::string user_id_of(const ApiClient& p) { return p.call("GET", "/api/me").json()["user"].value("id", ""); }

// Every mail in the outbox to `address`, concatenated, soft line breaks undone.
std::string mail_to(const ServerProcess& s, const std::string& address) {
  std::string all;
  if (!std::filesystem::exists(s.data_dir() / "outbox")) return all;
  for (const auto& e : std::filesystem::directory_iterator(s.data_dir() / "outbox")) {
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("To: " + address) != std::string::npos) all += text.str();
  }
  for (std::size_t at; (at = all.find("=\r\n")) != std::string::npos;) all.erase(at, 3);
  return all;
}

std::string claim_token_in(const std::string& mail) {
  const auto link = mail.find("/claim#token=3D");
  if (link == std::string::npos) return "";
  const auto start = link + 15;
  return mail.substr(start, mail.find_first_of("\r\n", start) - start);
}

class Privacy : public harness::SharedServerTest<Privacy> {
 public:
  static Env server_env() {
    return {{"STORYLOOM_ACCOUNTS_ARGON2_OPSLIMIT", "1"},        {"STORYLOOM_ACCOUNTS_ARGON2_MEMLIMIT", "8MiB"},
            {"STORYLOOM_RATELIMIT_AUTH_PER_MINUTE", "100000"},  {"STORYLOOM_RATELIMIT_AUTH_BURST", "100000"},
            {"STORYLOOM_RATELIMIT_API_PER_MINUTE", "100000"},   {"STORYLOOM_RATELIMIT_API_BURST", "100000"},
            {"STORYLOOM_RATELIMIT_PHOTO_UPLOADS_PER_MINUTE", "0"}, {"STORYLOOM_WORKERS", "2"}};
  }
};

struct Purchase {
  std::string book_id, order_id;
};

// A guest makes a book with the embedded defaults and buys it through the demo provider's page.
Purchase guest_buys_a_book(const ApiClient& guest, const std::string& email) {
  const auto photo = guest.upload_photo(testdata_photo("astronaut.jpg"));
  EXPECT_EQ(photo.status, 201) << photo.body;
  auto made = guest.call("POST", "/api/books",
                         {{"child", {{"name", "Emma"}, {"age", 6}, {"pronouns", "she"}}},
                          {"photo_id", photo.json().value("id", "")}, {"theme", "enchanted-forest"}, {"style", "storybook"}});
  EXPECT_EQ(made.status, 202) << made.body;
  Purchase bought{made.json().value("id", ""), ""};
  EXPECT_EQ(wait_for_status(guest, bought.book_id, "preview_ready"), "preview_ready");
  auto started = guest.call("POST", "/api/books/" + bought.book_id + "/checkout", {{"product", "digital-pdf"}, {"email", email}});
  EXPECT_EQ(started.status, 201) << started.body;
  bought.order_id = started.json().value("order_id", "");
  auto pay = request(guest.server->url(started.json().value("checkout_url", "") + "/pay"), {.method = "POST"});
  EXPECT_EQ(pay.status, 303) << pay.body;
  EXPECT_EQ(wait_for_status(guest, bought.book_id, "ready"), "ready") << guest.server->log();
  return bought;
}

bool link_answers_a_pdf(const ServerProcess& s, const nlohmann::json& link) {
  if (!link.is_string()) return false;
  auto r = get(s.url(link.get<std::string>()));
  return r.status == 200 && r.body.starts_with("%PDF-");
}

const nlohmann::json* find_by_id(const nlohmann::json& list, const std::string& id) {
  if (!list.is_array()) return nullptr;
  for (const auto& item : list)
    if (item.value("id", "") == id) return &item;
  return nullptr;
}

}  // namespace

// (a) claim from the guest session, (b) export, (c) deletion — one purchase, because making and
// finishing a real book is what takes the time.
TEST_F(Privacy, AGuestsBoughtBookIsClaimedExportedAndErasedWhileItsOrderIsKeptWithoutPersonalData) {
  const ApiClient guest = harness::guest(*server_);
  const std::string email = unique_email("emma.parent");
  const Purchase bought = guest_buys_a_book(guest, email);
  ASSERT_FALSE(bought.order_id.empty());
  ASSERT_EQ(guest.book_status(bought.book_id), "ready");

  // (a) Signing up from the guest session claims the book and the order.
  auto signed_up = guest.call("POST", "/api/auth/signup", {{"email", email}, {"password", "correct horse battery"}});
  ASSERT_EQ(signed_up.status, 201) << signed_up.body;
  EXPECT_EQ(signed_up.json()["claimed"]["books"], 1) << signed_up.body;
  EXPECT_EQ(signed_up.json()["claimed"]["orders"], 1) << signed_up.body;
  const ApiClient member{server_, signed_up.json()["session"].value("token", "")};
  EXPECT_NE(find_by_id(member.call("GET", "/api/books").json()["books"], bought.book_id), nullptr);
  EXPECT_NE(find_by_id(member.call("GET", "/api/orders").json()["orders"], bought.order_id), nullptr);
  EXPECT_EQ(member.call("GET", "/api/books/" + bought.book_id + "/download?format=pdf").status, 302);

  // (b) The export lists the book with signed links that work, and the order with its items.
  auto exported = member.call("GET", "/api/me/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  const nlohmann::json everything = exported.json();  // kept: the pointers below point into it
  const auto* book = find_by_id(everything["books"], bought.book_id);
  ASSERT_NE(book, nullptr) << exported.body;
  EXPECT_EQ((*book)["child"]["name"], "Emma");
  EXPECT_EQ((*book)["theme"], "enchanted-forest");
  EXPECT_EQ((*book)["style"], "storybook");
  EXPECT_EQ((*book)["status"], "ready");
  EXPECT_NE((*book).value("title", "").find("Emma"), std::string::npos);
  EXPECT_TRUE((*book)["created_at"].is_number_integer());
  EXPECT_TRUE(link_answers_a_pdf(*server_, (*book)["preview_pdf_url"])) << book->dump();
  EXPECT_TRUE(link_answers_a_pdf(*server_, (*book)["print_pdf_url"])) << book->dump();
  const auto book_blobs = server_->data_dir() / "blobs" / "books" / bought.book_id;
  if (std::filesystem::exists(book_blobs / "cover.pdf")) {  // a cover link exactly when there is a cover
    EXPECT_TRUE(link_answers_a_pdf(*server_, (*book)["cover_pdf_url"])) << book->dump();
  } else {
    EXPECT_TRUE((*book)["cover_pdf_url"].is_null()) << book->dump();
  }
  const auto* order = find_by_id(everything["orders"], bought.order_id);
  ASSERT_NE(order, nullptr) << exported.body;
  EXPECT_EQ((*order)["book_id"], bought.book_id);
  EXPECT_EQ((*order)["email"], email);
  EXPECT_EQ((*order)["status"], "fulfilled");
  ASSERT_FALSE((*order)["items"].empty());
  EXPECT_EQ((*order)["items"][0]["product_id"], "digital-pdf");
  const std::string member_id = user_id_of(member);
  const auto delivered = server_->data_dir() / "blobs" / "deliveries" / bought.order_id;
  ASSERT_TRUE(std::filesystem::exists(book_blobs));
  ASSERT_TRUE(std::filesystem::exists(delivered));  // the copy the mailed download link points at

  // (c) Deleting the account removes the book, its pages and blobs, and the delivered copy...
  ASSERT_EQ(member.call("DELETE", "/api/me").status, 204);
  EXPECT_EQ(member.call("GET", "/api/me").status, 401);
  EXPECT_FALSE(std::filesystem::exists(book_blobs));
  EXPECT_FALSE(std::filesystem::exists(delivered));
  EXPECT_EQ(get(server_->url((*book)["preview_pdf_url"].get<std::string>())).status, 404);
  EXPECT_EQ(get(server_->url((*book)["print_pdf_url"].get<std::string>())).status, 404);
  EXPECT_EQ(sqlite(*server_, "SELECT COUNT(*) FROM books WHERE id = '" + bought.book_id + "'"), "0");
  EXPECT_EQ(sqlite(*server_, "SELECT COUNT(*) FROM book_pages WHERE book_id = '" + bought.book_id + "'"), "0");
  // ...and keeps the order, its items and history for the accounts, without who bought it.
  EXPECT_EQ(sqlite(*server_, "SELECT user_id, email, shipping_address IS NULL, tracking IS NULL, checkout_url IS NULL, "
                             "status, total_minor FROM orders WHERE id = '" + bought.order_id + "'"),
            "deleted||1|1|1|fulfilled|1499");
  EXPECT_EQ(sqlite(*server_, "SELECT COUNT(*) FROM order_items WHERE order_id = '" + bought.order_id + "'"), "1");
  EXPECT_NE(sqlite(*server_, "SELECT COUNT(*) FROM order_status_history WHERE order_id = '" + bought.order_id + "'"), "0");
  EXPECT_EQ(sqlite(*server_, "SELECT COUNT(*) FROM orders WHERE user_id = '" + member_id + "'"), "0");
  // The provider's raw webhook body may carry the buyer's email and address: it is redacted; the
  // normalized event (amount, references) stays.
  EXPECT_EQ(sqlite(*server_, "SELECT payload FROM webhook_events WHERE order_id = '" + bought.order_id + "'"),
            "redacted: account deleted");
  const auto event = nlohmann::json::parse(
      sqlite(*server_, "SELECT event FROM webhook_events WHERE order_id = '" + bought.order_id + "'"), nullptr, false);
  EXPECT_EQ(event["type"], "paid") << event.dump();
  EXPECT_EQ(event["amount"]["minor"], 1499) << event.dump();
}

// A guest who checked out with an email on one device and signs up with it on another gets a
// claim link by mail; redeeming it moves the guest's book and order into the account.
TEST_F(Privacy, AGuestWhoCheckedOutWithAnEmailIsClaimedThroughTheMailedLink) {
  const ApiClient guest = harness::guest(*server_);
  const std::string email = unique_email("other.device");
  const std::string book = seed_previewed_book(*server_, guest.user_id);
  auto started = guest.call("POST", "/api/books/" + book + "/checkout", {{"product", "digital-pdf"}, {"email", email}});
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string order = started.json().value("order_id", "");

  auto signed_up = ApiClient{server_, ""}.call("POST", "/api/auth/signup", {{"email", email}, {"password", "correct horse battery"}});
  ASSERT_EQ(signed_up.status, 201) << signed_up.body;
  EXPECT_FALSE(signed_up.json().contains("claimed")) << "nothing moves on the email alone";
  const ApiClient member{server_, signed_up.json()["session"].value("token", "")};
  EXPECT_TRUE(member.call("GET", "/api/orders").json()["orders"].empty());
  const std::string token = claim_token_in(mail_to(*server_, email));
  ASSERT_FALSE(token.empty()) << "no claim mail to " << email;

  auto claimed = member.call("POST", "/api/auth/claim", {{"token", token}});
  ASSERT_EQ(claimed.status, 200) << claimed.body;
  EXPECT_EQ(claimed.json()["claimed"]["books"], 1) << claimed.body;
  EXPECT_EQ(claimed.json()["claimed"]["orders"], 1) << claimed.body;
  EXPECT_NE(find_by_id(member.call("GET", "/api/books").json()["books"], book), nullptr);
  EXPECT_NE(find_by_id(member.call("GET", "/api/orders").json()["orders"], order), nullptr);
  EXPECT_EQ(guest.call("GET", "/api/me").status, 401);  // the claimed guest's session ended
}

// A refused email at checkout is a clear 400 that changes nothing, not an order nobody can mail.
TEST_F(Privacy, CheckoutRefusesAMalformedEmail) {
  const ApiClient guest = harness::guest(*server_);
  const std::string book = seed_previewed_book(*server_, guest.user_id);
  auto refused = guest.call("POST", "/api/books/" + book + "/checkout", {{"product", "digital-pdf"}, {"email", "not-an-email"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(code_of(refused), "email_invalid");
  EXPECT_EQ(refused.json()["error"]["details"].value("field", ""), "email");
  EXPECT_TRUE(guest.call("GET", "/api/orders").json()["orders"].empty());
}

// A printed book's order keeps its money and items after deletion, but not the address.
TEST_F(Privacy, DeletingAnAccountBlanksTheShippingAddressOfItsOrders) {
  auto signed_up = ApiClient{server_, ""}.call("POST", "/api/auth/signup",
                                            {{"email", unique_email("printed")}, {"password", "correct horse battery"}});
  ASSERT_EQ(signed_up.status, 201) << signed_up.body;
  const ApiClient member{server_, signed_up.json()["session"].value("token", "")};
  const std::string book = seed_previewed_book(*server_, user_id_of(member));
  auto started = member.call("POST", "/api/books/" + book + "/checkout",
                             {{"product", "hardcover"},
                              {"shipping_address", {{"name", "Ada ApiClient"}, {"line1", "10 Downing Street"}, {"city", "London"},
                                                    {"postal_code", "SW1A 2AA"}, {"country", "GB"}}}});
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string order = started.json().value("order_id", "");
  auto exported = member.call("GET", "/api/me/export").json();
  const auto* listed = find_by_id(exported["orders"], order);
  ASSERT_NE(listed, nullptr) << exported.dump();
  EXPECT_EQ((*listed)["shipping_address"]["postal_code"], "SW1A 2AA");
  ASSERT_EQ(member.call("DELETE", "/api/me").status, 204);
  EXPECT_EQ(sqlite(*server_, "SELECT user_id, email, shipping_address IS NULL, total_minor FROM orders WHERE id = '" +
                                 order + "'"),
            "deleted||1|4598");
  EXPECT_EQ(sqlite(*server_, "SELECT COUNT(*) FROM order_items WHERE order_id = '" + order + "'"), "2");
  EXPECT_EQ(sqlite(*server_, "SELECT COUNT(*) FROM books WHERE id = '" + book + "'"), "0");
}
