// The pipeline's job kinds, their payloads and dedupe keys, and the blob keys steps write.
//   write_story → illustrate_page × N → personalize_page × N → assemble_preview      (before payment)
//   render_final_pages → assemble_print_pdf → deliver                               (after payment)
// A page's illustrate → personalize chain runs independently of other pages; the last page to be
// personalized enqueues assemble_preview. Payloads: {"book_id", "run"} plus {"page", "g"} for page
// steps, where `run` is the book's pipeline run and `g` the page's regeneration count; a job
// whose run or g is older than the book's is stale and does nothing.
#pragma once

#include <string>
#include <string_view>

#include "books/book.hpp"
#include "core/error.hpp"
#include "jobs/queue.hpp"
#include "sql/connection.hpp"

namespace storyloom::books::steps {

inline constexpr std::string_view kWriteStory = "write_story";
inline constexpr std::string_view kIllustratePage = "illustrate_page";
inline constexpr std::string_view kPersonalizePage = "personalize_page";
inline constexpr std::string_view kAssemblePreview = "assemble_preview";
inline constexpr std::string_view kRenderFinalPages = "render_final_pages";
inline constexpr std::string_view kAssemblePrintPdf = "assemble_print_pdf";
inline constexpr std::string_view kDeliver = "deliver";

// Enqueue a book-level step for the book's current run (joins the caller's transaction).
core::Result<bool> enqueue_book_step(jobs::Queue& queue, sql::Connection& conn, std::string_view kind,
                                     const Book& book);
// Enqueue a page step for the book's current run and the page's current regeneration.
core::Result<bool> enqueue_page_step(jobs::Queue& queue, sql::Connection& conn, std::string_view kind,
                                     const Book& book, const Page& page);
// Enqueues whatever each page needs next (illustrate or personalize), and assemble_preview once
// every page is personalized. Safe to call any number of times.
core::Result<void> continue_pages(jobs::Queue& queue, sql::Connection& conn, const Book& book);

std::string base_image_key(const Book& book, const Page& page);
std::string personalized_image_key(const Book& book, const Page& page);
std::string preview_image_key(const Book& book, const Page& page);
std::string final_image_key(const Book& book, const Page& page);
std::string preview_pdf_key(const Book& book);
std::string print_pdf_key(const Book& book);
// The cover wrap, written with the interior when the assembler makes one; no column records it:
// it exists exactly when print_pdf_key is set and the assembler made a cover.
std::string cover_pdf_key(const Book& book);

}  // namespace storyloom::books::steps
