#include <gtest/gtest.h>

#include "core/book_status.hpp"
#include "core/ids.hpp"
#include "core/money.hpp"

using namespace storyloom::core;

TEST(Ids, AreUniqueAndValidateTheirPrefix) {
  const std::string a = new_id("bk"), b = new_id("bk");
  EXPECT_NE(a, b);
  EXPECT_TRUE(is_valid_id(a, "bk"));
  EXPECT_FALSE(is_valid_id(a, "ph"));
  EXPECT_FALSE(is_valid_id("bk_../../etc/passwd", "bk"));
}

TEST(Money, FormatsByCurrencyDigits) {
  EXPECT_EQ(format_money({1299, "USD"}), "12.99 USD");
  EXPECT_EQ(format_money({5, "EUR"}), "0.05 EUR");
  EXPECT_EQ(format_money({1500, "JPY"}), "1500 JPY");
  EXPECT_EQ(format_money({-250, "USD"}), "-2.50 USD");
}

TEST(BookStatus, AllowsOnlyListedTransitions) {
  EXPECT_TRUE(can_transition(BookStatus::generating, BookStatus::preview_ready));
  EXPECT_TRUE(can_transition(BookStatus::preview_ready, BookStatus::paid));
  EXPECT_FALSE(can_transition(BookStatus::paid, BookStatus::preview_ready));
  EXPECT_FALSE(can_transition(BookStatus::refunded, BookStatus::paid));
  EXPECT_FALSE(can_transition(BookStatus::ready, BookStatus::generating));
}

TEST(BookStatus, NamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(BookStatus::cancelled); ++i) {
    const auto s = static_cast<BookStatus>(i);
    EXPECT_EQ(parse_book_status(to_string(s)), s);
  }
  EXPECT_FALSE(parse_book_status("nonsense").has_value());
}
