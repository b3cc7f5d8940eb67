// What the book pipeline needs from the modules that make things (story, art, print, faces,
// accounts, commerce). Each port is small; the composition root adapts the real modules to them.
// Every call may be repeated for the same input (steps are retried), so implementations must be
// deterministic for a given seed or at least harmless to repeat.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::books {

struct StoryRequest {
  std::string book_id;
  nlohmann::json child;   // {name, age, pronouns, favourite_colour?, companion?}
  std::string theme, style;
  std::int64_t seed = 0;
};
struct StoryPage {
  int number = 0;         // 1..N
  std::string text;
  nlohmann::json brief;   // core::IllustrationBrief as JSON
};
struct StoryDraft {
  std::string title;
  std::vector<StoryPage> pages;
  std::string provider, version;  // for generation_log
};
class StoryWriterPort {
 public:
  virtual ~StoryWriterPort() = default;
  virtual core::Result<StoryDraft> write_story(const StoryRequest& request) = 0;
};

// An image a port made, with what to log about how.
struct Artwork {
  std::string png;
  std::string provider, version;
  nlohmann::json parameters = nlohmann::json::object();
};

struct IllustrationRequest {
  std::string book_id, photo_id;  // the photo gives the drawn hero the child's colouring
  int page = 0;
  nlohmann::json brief, child;
  std::string style;
  std::int64_t seed = 0;  // the book's seed plus the page's regeneration count
};
class IllustratorPort {
 public:
  virtual ~IllustratorPort() = default;
  virtual core::Result<Artwork> illustrate(const IllustrationRequest& request) = 0;
};

struct PersonalizeRequest {
  std::string book_id, photo_id;
  int page = 0;
  std::string base_png;
  nlohmann::json brief;
  std::string style;
};
// A failure here is not fatal: the pipeline keeps the base image and records why.
class PersonalizerPort {
 public:
  virtual ~PersonalizerPort() = default;
  virtual core::Result<Artwork> personalize(const PersonalizeRequest& request) = 0;
};

// Preview and final renditions of a personalized page.
class PageArtPort {
 public:
  virtual ~PageArtPort() = default;
  // A reduced, watermarked copy for the web preview.
  virtual core::Result<std::string> watermark(std::string_view png) = 0;
  // The full-resolution, unwatermarked picture for the paid book.
  virtual core::Result<Artwork> render_final(std::string_view personalized_png, const nlohmann::json& brief,
                                             std::string_view style) = 0;
};

struct BookDocument {
  std::string book_id, title, theme, style;
  nlohmann::json child;
  std::string photo_id;   // for the cover's hero
  std::int64_t seed = 0;  // the book's seed
  struct PageImage {
    int number = 0;
    std::string text;
    std::string png;
  };
  std::vector<PageImage> pages;
};
// Print partners take the interior and the cover wrap as two files (specs/print.md).
struct PrintFiles {
  std::string interior;
  std::string cover;  // empty when the assembler makes no cover
};
class PdfAssemblerPort {
 public:
  virtual ~PdfAssemblerPort() = default;
  // The preview PDF: only the preview pages, watermarked images.
  virtual core::Result<std::string> assemble_preview(const BookDocument& doc) = 0;
  // The print-ready interior and cover from the final images.
  virtual core::Result<PrintFiles> assemble_print(const BookDocument& doc) = 0;
};

// Hands the finished book to the parent (commerce: download link by mail). Idempotent per book.
class DeliveryPort {
 public:
  virtual ~DeliveryPort() = default;
  virtual core::Result<void> deliver(std::string_view book_id, std::string_view owner_id,
                                     std::string_view print_pdf_key) = 0;
};

// The credits ledger (accounts). Both calls run inside the caller's write transaction on `conn`
// and are keyed by `reference`, so repeating one with the same reference changes nothing.
// charge() fails with payment_required when the owner has no credit.
class CreditLedgerPort {
 public:
  virtual ~CreditLedgerPort() = default;
  virtual core::Result<void> charge(sql::Connection& conn, std::string_view owner_id, std::string_view reference) = 0;
  virtual core::Result<void> refund(sql::Connection& conn, std::string_view owner_id, std::string_view reference) = 0;
};

// Original photos (faces/photos). Deleting an absent photo is fine.
class PhotoPort {
 public:
  virtual ~PhotoPort() = default;
  virtual core::Result<void> delete_photo(std::string_view photo_id) = 0;
};

}  // namespace storyloom::books
