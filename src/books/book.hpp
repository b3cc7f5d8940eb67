// A book and its pages as stored (migrations/0040_books.sql), and the rules that bound what a
// parent may do with one. Rules are configuration (the composition root fills them).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/book_status.hpp"

namespace storyloom::books {

enum class PageState { written, illustrated, personalized };
std::string_view to_string(PageState s);
PageState parse_page_state(std::string_view s);

enum class CreditState { none, charged, refunded };

struct Page {
  std::string book_id;
  int number = 0;
  std::string text;
  nlohmann::json brief;
  PageState state = PageState::written;
  std::string base_image_key, personalized_image_key, preview_image_key, final_image_key;
  bool fell_back = false;
  std::string fell_back_reason;
  int regenerations = 0;
};

struct Book {
  std::string id;
  std::string owner_id;
  nlohmann::json child;            // {name, age, pronouns, ...}
  std::string photo_id;
  std::string theme, style;
  std::int64_t seed = 0;
  std::string title;
  core::BookStatus status = core::BookStatus::draft;
  std::string failure_code, failure_message;
  int retries_used = 0;
  int regenerations_used = 0;
  int run = 0;
  CreditState credit_state = CreditState::none;
  std::string preview_pdf_key, print_pdf_key;
  bool photo_released = false;
  std::int64_t created_at = 0, updated_at = 0, status_changed_at = 0;
  std::optional<std::int64_t> preview_ready_at, paid_at, expires_at;
};

struct BookRules {
  int preview_pages = 5;                       // pages 1..preview_pages get watermarked previews
  int expected_pages = 10;                     // for progress before the story exists
  int max_retries = 3;                         // retries of a failed book
  int max_regenerations = 3;                   // page regenerations per book
  std::chrono::seconds preview_ttl{7 * 24 * 3600};  // previews expire unless bought
  int parallel_workers = 2;                    // for the progress estimate
};

// Paid and not taken back: a refund locks the full pages (and the print PDF) again, as it
// revokes the downloads.
bool is_unlocked(const Book& book);

// Blob keys: everything of a book lives under books/<id>/ so deleting a book is one prefix.
std::string book_prefix(std::string_view book_id);

}  // namespace storyloom::books
