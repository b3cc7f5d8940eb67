// The Books API (docs/books.md): start a book, read it with its progress (also as Server-Sent
// Events), its pages with signed preview links (locked pages have none), the owner's library,
// retry, page regeneration and deletion. Every route needs a signed-in user (req.user_id, set by
// the accounts middleware) and only ever shows that user's books.
#pragma once

#include <chrono>
#include <functional>
#include <string_view>

#include "blob/store.hpp"
#include "books/book_service.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"

namespace storyloom::http {

struct BookRoutesOptions {
  books::BookRules rules;
  bool charge_credits = false;                        // the shop sells credits: a book uses one
  std::chrono::seconds link_ttl{3600};                // signed image links
  std::chrono::milliseconds events_poll{500};         // SSE progress poll
  const Auth* auth = nullptr;  // who the caller is (sessions, bearer tokens, CSRF); must outlive the router
  // Refuses a photo_id that is not the caller's photo (not_found photo_not_found) before a book
  // is started; null: photo ids are not checked (route tests without a photo library).
  std::function<core::Result<void>(std::string_view owner_id, std::string_view photo_id)> check_photo;
  // Whether a new book can be made (theme, style, the child's details); empty: not checked.
  std::function<core::Result<void>(const books::NewBook&)> check_book;
};

// The service and store must outlive the router.
void add_book_routes(Router& router, books::BookService& service, blob::Store& blobs, BookRoutesOptions options);

// The JSON the API shows for a book (GET /api/books/{id}, the library, SSE).
nlohmann::json book_json(const books::Book& book, const books::Progress& progress, const books::BookRules& rules);

}  // namespace storyloom::http
