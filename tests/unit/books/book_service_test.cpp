#include <gtest/gtest.h>

#include "book_fixture.hpp"
#include "sql/transaction.hpp"

using namespace storyloom;
using namespace std::chrono_literals;
using test_support::BookFixture;

TEST(BookStatusChanges, OnlyTheStatusMachineSEdgesAreWritten) {
  BookFixture f;
  const auto id = f.start().id;
  auto conn = f.t.db->acquire().value();
  auto illegal = books::change_status(*conn, f.clock, id, core::BookStatus::generating, core::BookStatus::ready);
  ASSERT_FALSE(illegal);
  EXPECT_EQ(illegal.error().code, "book_invalid_transition");
  EXPECT_EQ(illegal.error().kind, core::ErrorKind::conflict);
  // Legal edge, but the book is no longer in `from` (someone else moved it): also a conflict.
  auto stale = books::change_status(*conn, f.clock, id, core::BookStatus::preview_ready, core::BookStatus::paid);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, "book_invalid_transition");
  EXPECT_EQ(stale.error().details["from"], "generating");
  EXPECT_EQ(f.book(id).status, core::BookStatus::generating);
  EXPECT_TRUE(books::change_status(*conn, f.clock, id, core::BookStatus::generating, core::BookStatus::cancelled));
}

TEST(BookService, RefusesAMalformedChildAndChangesNothing) {
  BookFixture f;
  auto r = f.service->start_book({.owner_id = "us_a", .child = {{"name", ""}, {"age", 6}}, .theme = "t", .style = "s"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "book_request_invalid");
  EXPECT_EQ(r.error().details["field"], "child.name");
  r = f.service->start_book({.owner_id = "us_a", .child = {{"name", "Al"}, {"age", "six"}}, .theme = "t", .style = "s"});
  EXPECT_EQ(r.error().details["field"], "child.age");
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM books"), 0);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM jobs"), 0);
}

TEST(BookService, WithoutCreditsNoBookStarts) {
  BookFixture f;
  auto r = f.service->start_book(
      {.owner_id = "us_poor", .child = {{"name", "Al"}, {"age", 4}}, .theme = "t", .style = "s", .charge_credit = true});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, core::ErrorKind::payment_required);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM books"), 0);
  EXPECT_EQ(f.t.count("SELECT COUNT(*) AS n FROM jobs"), 0);
}

TEST(BookService, BooksArePrivateToTheirOwner) {
  BookFixture f;
  const auto id = f.start("us_a").id;
  EXPECT_EQ(f.service->get("us_b", id).error().code, "book_not_found");
  EXPECT_EQ(f.service->pages("us_b", id).error().kind, core::ErrorKind::not_found);
  EXPECT_EQ(f.service->delete_book("us_b", id).error().kind, core::ErrorKind::not_found);
  EXPECT_EQ(f.service->retry("us_b", id).error().kind, core::ErrorKind::not_found);
}

TEST(BookService, LibraryListsTheOwnersBooksNewestFirstByCursor) {
  BookFixture f;
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(f.start("us_a").id);
    if (i != 2) f.clock.advance(1s);  // two books share a second: the id breaks the tie
  }
  f.start("us_other");
  std::vector<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto page = f.service->library("us_a", 2, cursor).value();
    for (const auto& b : page.books) seen.push_back(b.id);
    cursor = page.next_cursor;
    ++pages;
  } while (!cursor.empty());
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 5u);
  EXPECT_EQ(seen.front(), ids.back());
  EXPECT_EQ(f.service->library("us_a", 2, "garbage!").error().code, "cursor_invalid");
}

TEST(BookService, RetryIsOnlyForFailedBooksAndLimited) {
  BookFixture f;
  f.illustrator.plan.remaining[1] = -1;
  const auto id = f.start().id;
  EXPECT_EQ(f.service->retry("us_parent", id).error().code, "book_invalid_transition");
  for (int i = 0; i < 3; ++i) {
    f.drain();
    ASSERT_EQ(f.book(id).status, core::BookStatus::failed);
    ASSERT_TRUE(f.service->retry("us_parent", id)) << i;
  }
  f.drain();
  auto refused = f.service->retry("us_parent", id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "book_retry_limit");
  EXPECT_EQ(f.book(id).retries_used, 3);
}

TEST(BookService, RegeneratingAPageRedrawsOnlyThatPageAndIsCounted) {
  BookFixture f;
  f.rules.max_regenerations = 2;
  books::BookService service(f.t.db, f.blobs, *f.queue, f.clock, f.rules, &f.ledger);
  const auto id = f.start().id;
  f.drain();
  const auto before = f.pages(id);
  auto book = service.regenerate_page("us_parent", id, 3).value();
  EXPECT_EQ(book.status, core::BookStatus::generating);
  EXPECT_EQ(book.regenerations_used, 1);
  EXPECT_FALSE(f.blobs.exists(before[2].preview_image_key).value());  // the old picture's link dies
  f.drain();
  ASSERT_EQ(f.book(id).status, core::BookStatus::preview_ready);
  const auto after = f.pages(id);
  EXPECT_EQ(after[2].regenerations, 1);
  EXPECT_EQ(f.illustrator.last_seed[3], 43);
  EXPECT_NE(after[2].preview_image_key, before[2].preview_image_key);
  EXPECT_EQ(after[3].preview_image_key, before[3].preview_image_key);
  EXPECT_EQ(f.illustrator.plan.calls_for(3), 2);
  EXPECT_EQ(f.illustrator.plan.calls_for(4), 1);
  EXPECT_TRUE(f.blobs.exists(f.book(id).preview_pdf_key).value());

  ASSERT_TRUE(service.regenerate_page("us_parent", id, 8));
  f.drain();
  auto limit = service.regenerate_page("us_parent", id, 1);
  ASSERT_FALSE(limit);
  EXPECT_EQ(limit.error().code, "book_regeneration_limit");
  EXPECT_EQ(service.regenerate_page("us_parent", id, 11).error().code, "page_not_found");
}

TEST(BookService, RegenerationWhileGeneratingIsAConflict) {
  BookFixture f;
  const auto id = f.start().id;
  jobs::WorkerPool runner(*f.queue, f.registry, f.blobs, {.workers = 0});
  ASSERT_TRUE(runner.run_one("w").value());
  EXPECT_EQ(f.service->regenerate_page("us_parent", id, 1).error().code, "book_invalid_transition");
}

TEST(BookService, DeletingABookRemovesItsRowsAndEveryBlob) {
  BookFixture f;
  const auto id = f.start().id;
  const auto keep = f.start().id;
  f.drain();
  ASSERT_GT(f.files_under("books/" + id), 0);
  ASSERT_TRUE(f.service->delete_book("us_parent", id));
  EXPECT_EQ(f.files_under("books/" + id), 0);
  EXPECT_GT(f.files_under("books/" + keep), 0);
  EXPECT_EQ(f.t.count(fmt::format("SELECT COUNT(*) AS n FROM book_pages WHERE book_id = '{}'", id)), 0);
  EXPECT_EQ(f.service->get("us_parent", id).error().code, "book_not_found");
}

// Account deletion: every book of the owner goes inside the caller's transaction, as one would.
TEST(BookService, DeletingAnOwnersBooksRemovesEachAsDeleteBookWouldAndIsIdempotent) {
  BookFixture f;
  const auto first = f.start().id;
  const auto second = f.start().id;
  const auto other = f.start("us_other").id;
  f.drain();
  ASSERT_GT(f.files_under("books/" + first), 0);
  {
    auto conn = f.t.db->acquire().value();
    auto tx = sql::Transaction::begin(*conn).value();
    EXPECT_EQ(f.service->delete_books_of(*conn, "us_parent").value(), 2);
    ASSERT_TRUE(tx.commit());
  }
  for (const auto& id : {first, second}) {
    EXPECT_EQ(f.files_under("books/" + id), 0) << id;
    EXPECT_EQ(f.t.count(fmt::format("SELECT COUNT(*) AS n FROM book_pages WHERE book_id = '{}'", id)), 0) << id;
    EXPECT_EQ(f.service->get("us_parent", id).error().code, "book_not_found") << id;
  }
  EXPECT_GT(f.files_under("books/" + other), 0);
  EXPECT_TRUE(f.service->get("us_other", other).has_value());
  auto conn = f.t.db->acquire().value();
  EXPECT_EQ(f.service->delete_books_of(*conn, "us_parent").value(), 0);  // a retried deletion
}

TEST(BookService, StepsOfADeletedBookDoNothing) {
  BookFixture f;
  const auto id = f.start().id;
  jobs::WorkerPool runner(*f.queue, f.registry, f.blobs, {.workers = 0});
  ASSERT_TRUE(runner.run_one("w").value());  // write_story: ten illustrate jobs are queued
  ASSERT_TRUE(f.service->delete_book("us_parent", id));
  EXPECT_EQ(f.drain(), 10);
  EXPECT_EQ(f.illustrator.plan.total_calls(), 0);
  EXPECT_EQ(f.files_under("books/" + id), 0);
}
