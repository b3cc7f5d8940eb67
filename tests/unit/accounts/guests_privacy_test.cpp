#include "fixture.hpp"

#include <stdexcept>

#include "accounts/children.hpp"
#include "accounts/credits_ledger.hpp"

using namespace storyloom;
using namespace storyloom::accounts;
using accounts::testing::World;

namespace {
// Stands in for another module's table (not "books": that one exists since the books migration) with owner_id, as the books module will have.
void create_books_table(World& w) {
  auto conn = w.db->acquire().value();
  ASSERT_TRUE(conn->execute("CREATE TABLE scrapbooks (id TEXT PRIMARY KEY, owner_id TEXT, title TEXT)"));
  w.registry.add_owned_table("scrapbooks");
}
}  // namespace

TEST(Guests, SigningUpFromTheGuestSessionClaimsItsRows) {
  World w;
  create_books_table(w);
  auto guest = w.accounts->start_guest(w.origin).value();
  EXPECT_TRUE(guest.user.is_guest());
  Children children(w.db, 10, w.clock);
  auto child = children.create(guest.user.id, parse_child_input({{"name", "Mia"}, {"age", 3}}).value()).value();
  {
    auto conn = w.db->acquire().value();
    ASSERT_TRUE(conn->execute("INSERT INTO scrapbooks VALUES ('bk_1', $1, 'Mia and the moon')", {guest.user.id}));
  }
  auto who = w.accounts->authenticate(guest.session.token).value();
  auto member = w.accounts->sign_up("mia.parent@example.com", "a fine passphrase", "", who, w.origin).value();
  EXPECT_EQ(member.claimed["children"], 1);
  EXPECT_EQ(member.claimed["scrapbooks"], 1);
  EXPECT_FALSE(member.claimed.contains("orders"));
  EXPECT_EQ(children.get(member.user.id, child.id).value().name, "Mia");
  EXPECT_FALSE(w.accounts->authenticate(guest.session.token).has_value());  // the guest session ended
}

// Orders name their buyer user_id: the registry moves rows by the column each table names.
TEST(Guests, AnOwnedTableMayNameItsOwnerColumn) {
  World w;
  {
    auto conn = w.db->acquire().value();
    ASSERT_TRUE(conn->execute("CREATE TABLE receipts (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, owner_id TEXT)"));
  }
  w.registry.add_owned_table("receipts", "user_id");
  auto guest = w.accounts->start_guest(w.origin).value();
  {
    auto conn = w.db->acquire().value();
    ASSERT_TRUE(conn->execute("INSERT INTO receipts VALUES ('rc_1', $1, 'us_other'), ('rc_2', 'us_other', $1)",
                              {guest.user.id}));
  }
  auto who = w.accounts->authenticate(guest.session.token).value();
  auto member = w.accounts->sign_up("r.parent@example.com", "a fine passphrase", "", who, w.origin).value();
  EXPECT_EQ(member.claimed["receipts"], 1);
  auto conn = w.db->acquire().value();
  const auto owner_of = [&](const char* id) {
    return conn->query_one("SELECT user_id, owner_id FROM receipts WHERE id = $1", {std::string(id)}).value();
  };
  EXPECT_EQ(owner_of("rc_1")->text("user_id"), member.user.id);
  EXPECT_EQ(owner_of("rc_2")->text("user_id"), "us_other");         // not the guest's
  EXPECT_EQ(owner_of("rc_2")->text("owner_id"), guest.user.id);     // not the owner column
  for (const char* bad : {"", "user_id; DROP TABLE users", "User_Id", "9lives"})
    EXPECT_THROW(w.registry.add_owned_table("receipts", bad), std::logic_error) << bad;
}

TEST(Guests, AGuestFromAnotherDeviceIsClaimedOnlyThroughTheMailedLink) {
  World w;
  create_books_table(w);
  auto guest = w.accounts->start_guest(w.origin).value();
  ASSERT_TRUE(w.accounts->set_guest_email(guest.user.id, "Mia.Parent@example.com"));
  {
    auto conn = w.db->acquire().value();
    ASSERT_TRUE(conn->execute("INSERT INTO scrapbooks VALUES ('bk_1', $1, 'Mia and the moon')", {guest.user.id}));
  }
  auto member = w.sign_up("mia.parent@example.com");
  EXPECT_TRUE(member.claimed.empty());  // nothing moves on the email alone
  ASSERT_EQ(w.outbox().size(), 1u);
  const std::string token = w.last_mailed_token();
  auto intruder = w.sign_up("other@example.com");
  auto intruder_who = w.accounts->authenticate(intruder.session.token).value();
  EXPECT_EQ(w.accounts->claim_guest(intruder_who, token, w.origin).error().code, "token_invalid");
  // The intruder's refused attempt changed nothing: the link still works for its member.
  auto who = w.accounts->authenticate(member.session.token).value();
  auto moved = w.accounts->claim_guest(who, token, w.origin);
  ASSERT_TRUE(moved.has_value()) << moved.error().code << ": " << moved.error().message;
  EXPECT_EQ((*moved)["scrapbooks"], 1);
}

TEST(Guests, TheMemberRedeemsTheClaimLinkOnce) {
  World w;
  create_books_table(w);
  auto guest = w.accounts->start_guest(w.origin).value();
  ASSERT_TRUE(w.accounts->set_guest_email(guest.user.id, "p@example.com"));
  {
    auto conn = w.db->acquire().value();
    ASSERT_TRUE(conn->execute("INSERT INTO scrapbooks VALUES ('bk_1', $1, 't')", {guest.user.id}));
  }
  auto member = w.sign_up("p@example.com");
  auto who = w.accounts->authenticate(member.session.token).value();
  const std::string token = w.last_mailed_token();
  auto moved = w.accounts->claim_guest(who, token, w.origin).value();
  EXPECT_EQ(moved["scrapbooks"], 1);
  EXPECT_EQ(w.accounts->claim_guest(who, token, w.origin).error().code, "token_invalid");
  auto conn = w.db->acquire().value();
  EXPECT_EQ(conn->query_one("SELECT owner_id FROM scrapbooks WHERE id = 'bk_1'").value()->text("owner_id"), member.user.id);
}

TEST(Privacy, ExportHasEverythingAndNoSecrets) {
  World w;
  w.registry.add_exporter("scrapbooks", [](const PersonalDataContext& c) -> core::Result<nlohmann::json> {
    return nlohmann::json::array({{{"id", "bk_1"}, {"owner", c.user_id}}});
  });
  auto s = w.sign_up("a@example.com");
  Children children(w.db, 10, w.clock);
  ASSERT_TRUE(children.create(s.user.id, parse_child_input({{"name", "Ada"}, {"age", 7}}).value()));
  auto who = w.accounts->authenticate(s.session.token).value();
  auto out = w.accounts->export_data(who).value();
  EXPECT_EQ(out["user"]["email"], "a@example.com");
  EXPECT_EQ(out["children"][0]["name"], "Ada");
  EXPECT_EQ(out["credits"][0]["kind"], "trial");
  EXPECT_EQ(out["scrapbooks"][0]["owner"], s.user.id);
  const std::string text = out.dump();
  EXPECT_EQ(text.find("argon2"), std::string::npos);
  EXPECT_EQ(text.find("token_hash"), std::string::npos);
  EXPECT_EQ(text.find(s.session.token), std::string::npos);
}

TEST(Privacy, DeletionRunsErasersAndRemovesEverythingAccountsOwns) {
  World w;
  create_books_table(w);
  std::vector<std::string> erased;
  w.registry.add_eraser("scrapbooks", [&](const PersonalDataContext& c) -> core::Result<void> {
    erased.push_back(c.user_id);
    auto n = c.conn.execute("DELETE FROM scrapbooks WHERE owner_id = $1", {c.user_id});
    if (!n) return std::unexpected(n.error());
    return {};
  });
  auto s = w.sign_up("a@example.com");
  auto keep = w.sign_up("b@example.com");
  Children children(w.db, 10, w.clock);
  ASSERT_TRUE(children.create(s.user.id, parse_child_input({{"name", "Ada"}, {"age", 7}}).value()));
  {
    auto conn = w.db->acquire().value();
    ASSERT_TRUE(conn->execute("INSERT INTO scrapbooks VALUES ('bk_1', $1, 't'), ('bk_2', $2, 't')", {s.user.id, keep.user.id}));
  }
  ASSERT_TRUE(w.accounts->delete_account(w.accounts->authenticate(s.session.token).value(), w.origin));
  EXPECT_EQ(erased, std::vector<std::string>{s.user.id});
  EXPECT_FALSE(w.accounts->authenticate(s.session.token).has_value());
  EXPECT_EQ(w.accounts->sign_in("a@example.com", "correct horse battery", w.origin).error().code, "invalid_credentials");
  auto conn = w.db->acquire().value();
  for (std::string sql : {"SELECT COUNT(*) AS n FROM children WHERE owner_id = $1",
                          "SELECT COUNT(*) AS n FROM credit_entries WHERE user_id = $1",
                          "SELECT COUNT(*) AS n FROM scrapbooks WHERE owner_id = $1",
                          "SELECT COUNT(*) AS n FROM users WHERE id = $1"})
    EXPECT_EQ(conn->query_one(sql, {s.user.id}).value()->integer("n"), 0) << sql;
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) AS n FROM scrapbooks").value()->integer("n"), 1);
  EXPECT_EQ(audit_log::list(*conn, {.event = "account_deleted"}).value().size(), 1u);
  EXPECT_TRUE(w.accounts->authenticate(keep.session.token).has_value());
}

TEST(Privacy, AFailingEraserLeavesTheAccountIntact) {
  World w;
  w.registry.add_eraser("scrapbooks", [](const PersonalDataContext&) -> core::Result<void> {
    return core::fail(core::ErrorKind::unavailable, "blob_unavailable", "store down");
  });
  auto s = w.sign_up("a@example.com");
  auto who = w.accounts->authenticate(s.session.token).value();
  EXPECT_EQ(w.accounts->delete_account(who, w.origin).error().code, "blob_unavailable");
  EXPECT_TRUE(w.accounts->authenticate(s.session.token).has_value());
}
