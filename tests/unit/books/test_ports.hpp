// Test-only implementations of the book pipeline's ports. They make recognisable bytes instead of
// pictures ("base(bk,3,seed)", "wm(...)") so tests can follow every image through the pipeline,
// count calls per page, and fail on demand.
#pragma once

#include <fmt/format.h>

#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "books/ports.hpp"

namespace storyloom::test_support {

// Fails the first `times` calls for a page (-1: always).
struct FailurePlan {
  std::mutex m;
  std::map<int, int> remaining;
  std::map<int, int> calls;
  core::Result<void> call(int page) {
    std::lock_guard lock(m);
    ++calls[page];
    auto it = remaining.find(page);
    if (it == remaining.end() || it->second == 0) return {};
    if (it->second > 0) --it->second;
    return core::fail(core::ErrorKind::unavailable, "provider_down", fmt::format("page {} failed on purpose", page));
  }
  int calls_for(int page) {
    std::lock_guard lock(m);
    return calls[page];
  }
  int total_calls() {
    std::lock_guard lock(m);
    int n = 0;
    for (auto [p, c] : calls) n += c;
    return n;
  }
};

class TestStoryWriter final : public books::StoryWriterPort {
 public:
  int pages = 10;
  FailurePlan plan;  // page 0 = the whole story
  core::Result<books::StoryDraft> write_story(const books::StoryRequest& r) override {
    if (auto ok = plan.call(0); !ok) return std::unexpected(ok.error());
    books::StoryDraft d{.title = fmt::format("{} and the {}", r.child.value("name", ""), r.theme),
                        .provider = "test-writer", .version = "t1"};
    for (int i = 1; i <= pages; ++i)
      d.pages.push_back({i, fmt::format("Page {} of {}'s adventure.", i, r.child.value("name", "")),
                         {{"setting", "meadow"}, {"pose", "waving"}, {"version", 1}}});
    return d;
  }
};

class TestIllustrator final : public books::IllustratorPort {
 public:
  FailurePlan plan;
  std::mutex m;
  std::map<int, std::int64_t> last_seed;
  std::set<std::string> photo_ids;
  core::Result<books::Artwork> illustrate(const books::IllustrationRequest& r) override {
    if (auto ok = plan.call(r.page); !ok) return std::unexpected(ok.error());
    {
      std::lock_guard lock(m);
      last_seed[r.page] = r.seed;
      photo_ids.insert(r.photo_id);
    }
    return books::Artwork{.png = fmt::format("base({},{},{})", r.book_id, r.page, r.seed), .provider = "test-art",
                          .version = "1", .parameters = {{"seed", r.seed}}};
  }
};

// An illustrator that takes its time, so a test can kill a worker in the middle of a book.
class SlowIllustrator final : public books::IllustratorPort {
 public:
  explicit SlowIllustrator(std::chrono::milliseconds delay) : delay_(delay) {}
  core::Result<books::Artwork> illustrate(const books::IllustrationRequest& r) override {
    std::this_thread::sleep_for(delay_);
    return books::Artwork{.png = fmt::format("base({},{},{})", r.book_id, r.page, r.seed), .provider = "slow-art"};
  }

 private:
  std::chrono::milliseconds delay_;
};

class TestPersonalizer final : public books::PersonalizerPort {
 public:
  FailurePlan plan;
  core::Result<books::Artwork> personalize(const books::PersonalizeRequest& r) override {
    if (auto ok = plan.call(r.page); !ok) return std::unexpected(ok.error());
    return books::Artwork{.png = "face(" + r.base_png + ")", .provider = "test-face", .version = "1"};
  }
};

class TestPageArt final : public books::PageArtPort {
 public:
  core::Result<std::string> watermark(std::string_view png) override { return "wm(" + std::string(png) + ")"; }
  core::Result<books::Artwork> render_final(std::string_view png, const nlohmann::json&, std::string_view) override {
    return books::Artwork{.png = "final(" + std::string(png) + ")", .provider = "test-final"};
  }
};

class TestPdf final : public books::PdfAssemblerPort {
 public:
  static std::string list(const books::BookDocument& doc, std::string_view what) {
    std::string out(what);
    for (const auto& p : doc.pages) out += fmt::format("|{}:{}", p.number, p.png);
    return out;
  }
  core::Result<std::string> assemble_preview(const books::BookDocument& doc) override { return list(doc, "preview"); }
  core::Result<books::PrintFiles> assemble_print(const books::BookDocument& doc) override {
    return books::PrintFiles{list(doc, "print"), "cover(" + doc.book_id + ")"};
  }
};

class TestDelivery final : public books::DeliveryPort {
 public:
  std::mutex m;
  std::vector<std::string> delivered;
  core::Result<void> deliver(std::string_view book_id, std::string_view, std::string_view) override {
    std::lock_guard lock(m);
    delivered.emplace_back(book_id);
    return {};
  }
};

// A ledger in the test database: test_ledger(reference, kind) unique, balance = grants - charges + refunds.
class TestLedger final : public books::CreditLedgerPort {
 public:
  static constexpr const char* kSchema =
      "CREATE TABLE test_ledger (owner TEXT NOT NULL, reference TEXT NOT NULL, kind TEXT NOT NULL, delta INTEGER "
      "NOT NULL, UNIQUE (reference, kind))";
  core::Result<void> charge(sql::Connection& conn, std::string_view owner, std::string_view ref) override {
    auto row = conn.query_one("SELECT CAST(COALESCE(SUM(delta), 0) AS BIGINT) AS n FROM test_ledger WHERE owner = $1",
                              {std::string(owner)});
    if (!row) return std::unexpected(row.error());
    if ((*row)->integer("n") <= 0)
      return core::fail(core::ErrorKind::payment_required, "credits_insufficient", "No credits left.");
    return write(conn, owner, ref, "charge", -1);
  }
  core::Result<void> refund(sql::Connection& conn, std::string_view owner, std::string_view ref) override {
    return write(conn, owner, ref, "refund", 1);
  }
  static core::Result<void> write(sql::Connection& conn, std::string_view owner, std::string_view ref,
                                  std::string kind, std::int64_t delta) {
    auto n = conn.execute(
        "INSERT INTO test_ledger VALUES ($1, $2, $3, $4) ON CONFLICT (reference, kind) DO NOTHING",
        {std::string(owner), std::string(ref), std::move(kind), delta});
    if (!n) return std::unexpected(n.error());
    return {};
  }
};

class TestPhotos final : public books::PhotoPort {
 public:
  std::mutex m;
  std::set<std::string> deleted;
  core::Result<void> delete_photo(std::string_view id) override {
    std::lock_guard lock(m);
    deleted.emplace(id);
    return {};
  }
};

}  // namespace storyloom::test_support
