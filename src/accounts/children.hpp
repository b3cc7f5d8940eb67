// Children's profiles: create, list, read, update, delete — always scoped by owner. Reading or
// changing another owner's child answers not_found (child_not_found), exactly like a missing id.
#pragma once

#include <memory>
#include <vector>

#include "accounts/child.hpp"
#include "core/clock.hpp"
#include "sql/database.hpp"

namespace storyloom::accounts {

class Children {
 public:
  // `limit` children per account (configuration; default 10, a shop may set 1).
  Children(std::shared_ptr<sql::Database> db, int limit, const core::Clock& clock)
      : db_(std::move(db)), limit_(limit), clock_(clock) {}

  // conflict (children_limit_reached) past the limit; invalid_argument for bad fields;
  // not_found (photo_not_found) for a photo the owner does not have.
  core::Result<Child> create(std::string_view owner_id, const ChildInput& input);
  core::Result<std::vector<Child>> list(std::string_view owner_id);
  core::Result<Child> get(std::string_view owner_id, std::string_view child_id);
  core::Result<Child> update(std::string_view owner_id, std::string_view child_id, const ChildInput& input);
  core::Result<void> remove(std::string_view owner_id, std::string_view child_id);

  int limit() const { return limit_; }

 private:
  core::Result<Child> validated(sql::Connection& conn, Child child, const ChildInput& input) const;

  std::shared_ptr<sql::Database> db_;
  int limit_;
  const core::Clock& clock_;
};

}  // namespace storyloom::accounts
