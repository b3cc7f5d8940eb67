// The `photos` table (migrations/0060_photos.sql): plain reads and writes on a connection the
// caller holds, so they can join the caller's transaction (account deletion, guest claims).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "photos/photo.hpp"
#include "sql/connection.hpp"

namespace storyloom::photos {

core::Result<void> insert_photo(sql::Connection& conn, const Photo& photo);
// The photo when it exists and belongs to `owner_id`; nullopt for missing and someone else's alike.
core::Result<std::optional<Photo>> find_owned_photo(sql::Connection& conn, std::string_view owner_id,
                                                    std::string_view photo_id);
core::Result<std::vector<Photo>> photos_of(sql::Connection& conn, std::string_view owner_id);
// Ids of photos created before `cutoff` (Unix seconds), oldest first.
core::Result<std::vector<std::string>> photo_ids_created_before(sql::Connection& conn, std::int64_t cutoff);
// Answers how many rows went (0 or 1).
core::Result<std::int64_t> delete_photo_row(sql::Connection& conn, std::string_view photo_id);

}  // namespace storyloom::photos
