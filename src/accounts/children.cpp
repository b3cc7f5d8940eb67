#include "accounts/children.hpp"

#include <algorithm>

#include "accounts/child_name.hpp"
#include "accounts/personal_data.hpp"
#include "core/ids.hpp"
#include "sql/transaction.hpp"

namespace storyloom::accounts {
namespace {

constexpr std::string_view kColumns =
    "id, owner_id, name, age, birth_date, pronouns, companion, favourite_colour, photo_id, created_at, updated_at";

core::Error not_found() {
  return core::Error{core::ErrorKind::not_found, "child_not_found", "No such child."};
}

core::Error invalid(std::string field, std::string message) {
  return core::Error{core::ErrorKind::invalid_argument, field + "_invalid", std::move(message), {{"field", field}}};
}

Child from_row(const sql::Row& r) {
  Child c;
  c.id = r.text("id");
  c.owner_id = r.text("owner_id");
  c.name = r.text("name");
  if (auto a = r.optional_integer("age")) c.age = static_cast<int>(*a);
  c.birth_date = r.optional_text("birth_date");
  c.pronouns = r.text("pronouns");
  c.companion = r.text("companion");
  c.favourite_colour = r.text("favourite_colour");
  c.photo_id = r.optional_text("photo_id");
  c.created_at = r.integer("created_at");
  c.updated_at = r.integer("updated_at");
  return c;
}

bool is_hex_colour(std::string_view s) {
  return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// A photo id from the photos module: "<prefix>_<20 base32>"; anything else cannot be one.
bool looks_like_id(std::string_view s) {
  const auto underscore = s.find('_');
  return underscore != std::string_view::npos && underscore > 0 && underscore <= 4 &&
         core::is_valid_id(s, s.substr(0, underscore));
}

core::Result<void> check_age_fields(Child& c, const ChildInput& in, std::int64_t now) {
  if (in.age) {
    if (*in.age < 1 || *in.age > 12) return std::unexpected(invalid("age", "Age must be between 1 and 12."));
    c.age = in.age;
    c.birth_date.reset();
  }
  if (in.birth_date) {
    const auto age = age_on(*in.birth_date, now);
    if (!age) return std::unexpected(invalid("birth_date", "Use a date like 2019-05-31."));
    if (*age < 1 || *age > 12)
      return std::unexpected(invalid("birth_date", "The child must be between 1 and 12 years old."));
    c.birth_date = in.birth_date;
    c.age.reset();
  }
  if (in.age && in.birth_date) return std::unexpected(invalid("age", "Give either an age or a birth date."));
  if (!c.age && !c.birth_date) return std::unexpected(invalid("age", "Give the child's age or birth date."));
  return {};
}

core::Result<void> check_photo(sql::Connection& conn, const Child& c) {
  if (!c.photo_id) return {};
  auto photo_missing = [] {
    return core::fail(core::ErrorKind::not_found, "photo_not_found", "No such photo.");
  };
  if (!looks_like_id(*c.photo_id)) return photo_missing();
  // The photos table belongs to the photos module; until it exists the id's shape is all we check.
  auto exists = table_exists(conn, "photos");
  if (!exists) return std::unexpected(exists.error());
  if (!*exists) return {};
  auto owned = is_owned_by(conn, "photos", *c.photo_id, c.owner_id);
  if (!owned) return std::unexpected(owned.error());
  if (!*owned) return photo_missing();
  return {};
}

}  // namespace

core::Result<Child> Children::validated(sql::Connection& conn, Child c, const ChildInput& in) const {
  if (in.name) {
    auto name = normalize_child_name(*in.name);
    if (!name) return std::unexpected(name.error());
    c.name = *name;
  }
  if (c.name.empty()) return std::unexpected(invalid("name", "Give the child's name."));
  if (auto ok = check_age_fields(c, in, clock_.unix_seconds()); !ok) return std::unexpected(ok.error());
  if (in.pronouns) {
    if (*in.pronouns != "she" && *in.pronouns != "he" && *in.pronouns != "they")
      return std::unexpected(invalid("pronouns", "Pronouns are she, he or they."));
    c.pronouns = *in.pronouns;
  }
  if (in.companion) {
    auto v = normalize_short_text(*in.companion, 40, "companion");
    if (!v) return std::unexpected(v.error());
    c.companion = *v;
  }
  if (in.favourite_colour) {
    auto v = normalize_short_text(*in.favourite_colour, 30, "favourite_colour");
    if (!v) return std::unexpected(v.error());
    if (v->starts_with('#') && !is_hex_colour(*v))
      return std::unexpected(invalid("favourite_colour", "Use a colour name or #rrggbb."));
    c.favourite_colour = *v;
  }
  if (in.photo_id) c.photo_id = *in.photo_id;
  if (auto ok = check_photo(conn, c); !ok) return std::unexpected(ok.error());
  return c;
}

core::Result<Child> Children::create(std::string_view owner_id, const ChildInput& input) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto tx = sql::Transaction::begin(**conn);
  if (!tx) return std::unexpected(tx.error());
  // The count and the insert must see the same rows: SQLite's BEGIN IMMEDIATE already holds the
  // write lock; on PostgreSQL the owner's row is locked so concurrent creates queue up.
  auto owner = (*conn)->query_one(fmt::format("SELECT id FROM users WHERE id = $1{}", sql::lock_clause((*conn)->dialect())),
                                  {std::string(owner_id)});
  if (!owner) return std::unexpected(owner.error());
  auto count = (*conn)->query_one("SELECT COUNT(*) AS n FROM children WHERE owner_id = $1", {std::string(owner_id)});
  if (!count) return std::unexpected(count.error());
  if ((*count)->integer("n") >= limit_)
    return core::fail(core::ErrorKind::conflict, "children_limit_reached",
                      fmt::format("An account can have at most {} children.", limit_), {{"limit", limit_}});
  Child c;
  c.id = core::new_id("ch");
  c.owner_id = std::string(owner_id);
  c.created_at = c.updated_at = clock_.unix_seconds();
  auto v = validated(**conn, std::move(c), input);
  if (!v) return std::unexpected(v.error());
  auto ok = (*conn)->execute(
      "INSERT INTO children (id, owner_id, name, age, birth_date, pronouns, companion, favourite_colour, photo_id, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
      {v->id, v->owner_id, v->name, v->age ? sql::Value(std::int64_t{*v->age}) : sql::null(),
       v->birth_date ? sql::Value(*v->birth_date) : sql::null(), v->pronouns, v->companion, v->favourite_colour,
       v->photo_id ? sql::Value(*v->photo_id) : sql::null(), v->created_at});
  if (!ok) return std::unexpected(ok.error());
  if (auto done = tx->commit(); !done) return std::unexpected(done.error());
  return *v;
}

core::Result<std::vector<Child>> Children::list(std::string_view owner_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto rows = (*conn)->query(fmt::format("SELECT {} FROM children WHERE owner_id = $1 ORDER BY created_at, id", kColumns),
                             {std::string(owner_id)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Child> out;
  for (const auto& r : *rows) out.push_back(from_row(r));
  return out;
}

core::Result<Child> Children::get(std::string_view owner_id, std::string_view child_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto row = (*conn)->query_one(fmt::format("SELECT {} FROM children WHERE id = $1 AND owner_id = $2", kColumns),
                                {std::string(child_id), std::string(owner_id)});
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::unexpected(not_found());
  return from_row(**row);
}

core::Result<Child> Children::update(std::string_view owner_id, std::string_view child_id, const ChildInput& input) {
  auto current = get(owner_id, child_id);
  if (!current) return current;
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto v = validated(**conn, *current, input);
  if (!v) return std::unexpected(v.error());
  v->updated_at = clock_.unix_seconds();
  auto n = (*conn)->execute(
      "UPDATE children SET name = $3, age = $4, birth_date = $5, pronouns = $6, companion = $7, "
      "favourite_colour = $8, photo_id = $9, updated_at = $10 WHERE id = $1 AND owner_id = $2",
      {v->id, v->owner_id, v->name, v->age ? sql::Value(std::int64_t{*v->age}) : sql::null(),
       v->birth_date ? sql::Value(*v->birth_date) : sql::null(), v->pronouns, v->companion, v->favourite_colour,
       v->photo_id ? sql::Value(*v->photo_id) : sql::null(), v->updated_at});
  if (!n) return std::unexpected(n.error());
  if (*n == 0) return std::unexpected(not_found());
  return *v;
}

core::Result<void> Children::remove(std::string_view owner_id, std::string_view child_id) {
  auto conn = db_->acquire();
  if (!conn) return std::unexpected(conn.error());
  auto n = (*conn)->execute("DELETE FROM children WHERE id = $1 AND owner_id = $2",
                            {std::string(child_id), std::string(owner_id)});
  if (!n) return std::unexpected(n.error());
  if (*n == 0) return std::unexpected(not_found());
  return {};
}

}  // namespace storyloom::accounts
