#include "sql/row.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace storyloom::sql {

const Value& Row::at(std::string_view column) const {
  for (std::size_t i = 0; i < columns_->size(); ++i)
    if ((*columns_)[i] == column) return cells_[i];
  throw std::logic_error(fmt::format("no column '{}' in result", column));
}

bool Row::is_null(std::string_view column) const { return std::holds_alternative<std::nullptr_t>(at(column)); }

std::string Row::text(std::string_view column) const {
  const Value& v = at(column);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* b = std::get_if<Blob>(&v)) return b->bytes;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  throw std::logic_error(fmt::format("column '{}' is not text", column));
}

std::int64_t Row::integer(std::string_view column) const {
  const Value& v = at(column);
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  throw std::logic_error(fmt::format("column '{}' is not an integer", column));
}

double Row::real(std::string_view column) const {
  const Value& v = at(column);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  throw std::logic_error(fmt::format("column '{}' is not a number", column));
}

std::optional<std::string> Row::optional_text(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Row::optional_integer(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

}  // namespace storyloom::sql
