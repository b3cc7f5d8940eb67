// A result row with typed accessors by column name. Accessors throw std::logic_error on a
// missing column or a type mismatch: those are programming bugs, not expected failures.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/value.hpp"

namespace storyloom::sql {

class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> columns, std::vector<Value> cells)
      : columns_(std::move(columns)), cells_(std::move(cells)) {}

  const Value& at(std::string_view column) const;
  bool is_null(std::string_view column) const;
  std::string text(std::string_view column) const;                  // text or blob bytes
  std::int64_t integer(std::string_view column) const;
  double real(std::string_view column) const;                       // accepts integers too
  bool boolean(std::string_view column) const { return integer(column) != 0; }
  std::optional<std::string> optional_text(std::string_view column) const;
  std::optional<std::int64_t> optional_integer(std::string_view column) const;

  const std::vector<std::string>& columns() const { return *columns_; }
  const std::vector<Value>& cells() const { return cells_; }

 private:
  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<Value> cells_;
};

using Rows = std::vector<Row>;

}  // namespace storyloom::sql
