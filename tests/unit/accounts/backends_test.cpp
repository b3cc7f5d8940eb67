// The rules that depend on the database's concurrency behaviour, on SQLite and (when
// scripts/with-postgres provides one) PostgreSQL.
#include "fixture.hpp"

#include <atomic>
#include <mutex>
#include <string>
#include <vector>
#include <thread>

#include "accounts/children.hpp"
#include "accounts/credits_ledger.hpp"

using namespace storyloom;
using namespace storyloom::accounts;
using accounts::testing::World;

namespace {
class OnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world_ = std::make_unique<World>(GetParam());
    if (!world_->available()) GTEST_SKIP() << "STORYLOOM_TEST_POSTGRES_URL is not set (make test sets it)";
  }
  std::unique_ptr<World> world_;
};
}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, OnBackend, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST_P(OnBackend, FiftyConcurrentConsumersOfThreeCredits) {
  World& w = *world_;
  auto s = w.sign_up("a@example.com");
  CreditsLedger ledger(w.db);
  std::atomic<int> ok{0}, insufficient{0};
  std::mutex winners_mutex;
  std::vector<std::string> winners;  // which three got a credit is up to the scheduler
  std::vector<std::thread> threads;
  for (int i = 0; i < 50; ++i)
    threads.emplace_back([&, i] {
      const std::string generation = "gen_" + std::to_string(i);
      auto r = ledger.consume(s.user.id, 1, generation, 1);
      if (r) {
        ++ok;
        std::lock_guard lock(winners_mutex);
        winners.push_back(generation);
      } else if (r.error().code == "insufficient_credits") {
        ++insufficient;
      } else {
        ADD_FAILURE() << r.error().code << ": " << r.error().message;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 3);
  EXPECT_EQ(insufficient.load(), 47);
  EXPECT_EQ(ledger.balance(s.user.id).value(), 0);
  ASSERT_FALSE(winners.empty());
  EXPECT_TRUE(ledger.refund(s.user.id, winners.front(), 2).has_value());
  EXPECT_EQ(ledger.balance(s.user.id).value(), 1);
}

TEST_P(OnBackend, ConcurrentChildCreatesStopAtTheLimit) {
  World& w = *world_;
  auto s = w.sign_up("a@example.com");
  Children children(w.db, 3, w.clock);
  std::atomic<int> ok{0}, limited{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i)
    threads.emplace_back([&] {
      auto r = children.create(s.user.id, parse_child_input({{"name", "Kim"}, {"age", 5}}).value());
      if (r) ++ok;
      else if (r.error().code == "children_limit_reached") ++limited;
      else ADD_FAILURE() << r.error().code << ": " << r.error().message;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 3);
  EXPECT_EQ(limited.load(), 9);
}

TEST_P(OnBackend, FullAccountLifeCycle) {
  World& w = *world_;
  w.registry.add_owned_table("books");  // absent table: skipped on both backends
  auto guest = w.accounts->start_guest(w.origin).value();
  Children children(w.db, 10, w.clock);
  ASSERT_TRUE(children.create(guest.user.id, parse_child_input({{"name", "Mia"}, {"age", 3}}).value()));
  auto member = w.accounts->sign_up("p@example.com", "a fine passphrase", "P",
                                    w.accounts->authenticate(guest.session.token).value(), w.origin).value();
  EXPECT_EQ(member.claimed["children"], 1);
  auto who = w.accounts->authenticate(member.session.token).value();
  ASSERT_TRUE(w.accounts->change_password(who, "a fine passphrase", "another passphrase", w.origin));
  ASSERT_TRUE(w.accounts->request_password_reset("p@example.com", w.origin));
  ASSERT_TRUE(w.accounts->reset_password(w.last_mailed_token(), "third passphrase", w.origin));
  auto again = w.accounts->sign_in("p@example.com", "third passphrase", w.origin).value();
  auto conn = w.db->acquire().value();
  EXPECT_GE(audit_log::list(*conn, {.actor_id = member.user.id}).value().size(), 4u);
  auto exported = w.accounts->export_data(w.accounts->authenticate(again.session.token).value()).value();
  EXPECT_EQ(exported["children"].size(), 1u);
  ASSERT_TRUE(w.accounts->delete_account(w.accounts->authenticate(again.session.token).value(), w.origin));
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) AS n FROM children").value()->integer("n"), 0);
}
