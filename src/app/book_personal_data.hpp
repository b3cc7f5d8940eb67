// Books' part of the accounts' privacy hooks (accounts/personal_data.hpp): a claimed guest's
// books move to the member (owner_id), the export lists every book with day-long signed links to
// its PDFs, and account deletion removes the books with their pages and blobs through
// BookService, the same removal DELETE /api/books/{id} does.
#pragma once

#include "accounts/personal_data.hpp"
#include "blob/store.hpp"
#include "books/book_service.hpp"

namespace storyloom::app {

// `service` and `blobs` must outlive the registry's use (both live in Services).
void register_book_personal_data(accounts::PersonalDataRegistry& registry, books::BookService& service,
                                 blob::Store& blobs);

}  // namespace storyloom::app
