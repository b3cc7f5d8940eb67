// HTTP header fields with case-insensitive names, kept in arrival order. A small vector beats a
// map for the dozen fields a request carries.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyloom::http {

bool iequals(std::string_view a, std::string_view b);

class Headers {
 public:
  using Field = std::pair<std::string, std::string>;

  // The first value of a field, or nullopt.
  std::optional<std::string_view> get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }
  // Replaces every field of that name with one value.
  void set(std::string_view name, std::string_view value);
  // Appends a field even if one of that name exists (Set-Cookie, Vary).
  void add(std::string_view name, std::string_view value);
  void remove(std::string_view name);

  std::vector<Field>::const_iterator begin() const { return fields_.begin(); }
  std::vector<Field>::const_iterator end() const { return fields_.end(); }
  std::size_t size() const { return fields_.size(); }

 private:
  std::vector<Field> fields_;
};

}  // namespace storyloom::http
