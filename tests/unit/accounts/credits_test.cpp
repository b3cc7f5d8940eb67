#include "fixture.hpp"

#include <atomic>
#include <thread>

#include "accounts/credits_ledger.hpp"
#include "sql/transaction.hpp"

using namespace storyloom;
using namespace storyloom::accounts;
using accounts::testing::World;

TEST(Credits, FiftyConcurrentConsumersAgainstThreeCreditsGetExactlyThree) {
  World w;
  auto s = w.sign_up("a@example.com");  // 3 trial credits
  CreditsLedger ledger(w.db);
  std::atomic<int> ok{0}, insufficient{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 50; ++i)
    threads.emplace_back([&, i] {
      auto r = ledger.consume(s.user.id, 1, "gen_" + std::to_string(i), 1'700'000'000);
      if (r) ++ok;
      else if (r.error().code == "insufficient_credits" && r.error().kind == core::ErrorKind::payment_required) ++insufficient;
      else ++other;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 3);
  EXPECT_EQ(insufficient.load(), 47);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(ledger.balance(s.user.id).value(), 0);
  auto conn = w.db->acquire().value();
  EXPECT_EQ(conn->query_one("SELECT MIN(balance_after) AS m, SUM(delta) AS s FROM credit_entries WHERE user_id = $1",
                            {s.user.id}).value()->integer("s"), 0);
}

TEST(Credits, RefundsOncePerGenerationAndConsumesOncePerGeneration) {
  World w;
  auto s = w.sign_up("a@example.com");
  CreditsLedger ledger(w.db);
  EXPECT_EQ(ledger.consume(s.user.id, 2, "gen_a", 1).value().balance, 1);
  auto twice = ledger.consume(s.user.id, 2, "gen_a", 2).value();
  EXPECT_FALSE(twice.applied);
  EXPECT_EQ(twice.balance, 1);
  EXPECT_EQ(ledger.refund(s.user.id, "gen_missing", 3).error().code, "credit_consumption_not_found");
  auto refund = ledger.refund(s.user.id, "gen_a", 3).value();
  EXPECT_TRUE(refund.applied);
  EXPECT_EQ(refund.balance, 3);
  EXPECT_FALSE(ledger.refund(s.user.id, "gen_a", 4).value().applied);
  EXPECT_EQ(ledger.balance(s.user.id).value(), 3);
  // A purchase booked twice (webhook redelivered) counts once.
  EXPECT_EQ(ledger.add(s.user.id, 10, CreditKind::purchase, "ord_1", 5).value().balance, 13);
  EXPECT_FALSE(ledger.add(s.user.id, 10, CreditKind::purchase, "ord_1", 6).value().applied);
  EXPECT_EQ(ledger.balance(s.user.id).value(), 13);
  EXPECT_EQ(ledger.consume(s.user.id, 14, "gen_b", 7).error().code, "insufficient_credits");
  EXPECT_EQ(ledger.add(s.user.id, 0, CreditKind::grant, "", 8).error().code, "credit_amount_invalid");
}

TEST(Credits, PagesTheLedgerNewestFirstWithACursor) {
  World w;
  auto s = w.sign_up("a@example.com");
  CreditsLedger ledger(w.db);
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(ledger.add(s.user.id, 1, CreditKind::grant, "g" + std::to_string(i), i));
  EXPECT_EQ(ledger.page(s.user.id, 0, std::nullopt).error().code, "limit_invalid");
  EXPECT_EQ(ledger.page(s.user.id, 101, std::nullopt).error().code, "limit_invalid");
  EXPECT_EQ(ledger.page(s.user.id, 5, "abc").error().code, "cursor_invalid");
  auto first = ledger.page(s.user.id, 4, std::nullopt).value();
  EXPECT_EQ(first.balance, 9);
  ASSERT_EQ(first.entries.size(), 4u);
  EXPECT_EQ(first.entries.front().reference, "g5");
  ASSERT_TRUE(first.next_cursor);
  auto second = ledger.page(s.user.id, 4, *first.next_cursor).value();
  ASSERT_EQ(second.entries.size(), 3u);  // g1, g0, trial
  EXPECT_EQ(second.entries.back().kind, CreditKind::trial);
  EXPECT_FALSE(second.next_cursor);
}

TEST(Credits, AGuestStartsWithTheConfiguredFreePreviews) {
  World w;
  w.config.guest_free_previews = 2;
  w.make();
  auto guest = w.accounts->start_guest(w.origin).value();
  CreditsLedger ledger(w.db);
  EXPECT_EQ(ledger.balance(guest.user.id).value(), 2);
  auto page = ledger.page(guest.user.id, 10, std::nullopt).value();
  ASSERT_EQ(page.entries.size(), 1u);
  EXPECT_EQ(page.entries.front().kind, CreditKind::trial);
  EXPECT_EQ(page.entries.front().reference, "guest");

  w.config.guest_free_previews = 0;  // a shop that gives guests nothing
  w.make();
  auto stingy = w.accounts->start_guest(w.origin).value();
  EXPECT_EQ(ledger.balance(stingy.user.id).value(), 0);
}

TEST(Credits, ConsumeAndRefundJoinTheCallersTransaction) {
  World w;
  auto s = w.sign_up("a@example.com");  // 3 trial credits
  CreditsLedger ledger(w.db);
  {
    auto conn = w.db->acquire().value();
    auto tx = sql::Transaction::begin(*conn).value();
    EXPECT_EQ(CreditsLedger::consume_in(*conn, s.user.id, 1, "book:a", 1).value().balance, 2);
    // Rolled back with the caller's work: nothing was taken.
  }
  EXPECT_EQ(ledger.balance(s.user.id).value(), 3);
  auto conn = w.db->acquire().value();
  {
    auto tx = sql::Transaction::begin(*conn).value();
    ASSERT_TRUE(CreditsLedger::consume_in(*conn, s.user.id, 1, "book:a", 1));
    ASSERT_TRUE(tx.commit());
  }
  EXPECT_EQ(ledger.balance(s.user.id).value(), 2);
  auto tx = sql::Transaction::begin(*conn).value();
  EXPECT_TRUE(CreditsLedger::refund_in(*conn, s.user.id, "book:a", 2).value().applied);
  EXPECT_FALSE(CreditsLedger::refund_in(*conn, s.user.id, "book:a", 3).value().applied);
  EXPECT_EQ(CreditsLedger::refund_in(*conn, s.user.id, "book:b", 3).error().code, "credit_consumption_not_found");
  ASSERT_TRUE(tx.commit());
  EXPECT_EQ(ledger.balance(s.user.id).value(), 3);
}
