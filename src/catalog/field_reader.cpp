#include "catalog/field_reader.hpp"

#include <fmt/format.h>

namespace storyloom::catalog {

namespace {
const nlohmann::json kNull;
}

std::string join_path(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return fmt::format("{}.{}", path, key);
}

std::string index_path(std::string_view path, std::size_t i) { return fmt::format("{}[{}]", path, i); }

void FieldReader::problem(std::string_view path, std::string_view message) {
  problems_.push_back(fmt::format("{}: {}: {}", file_, path.empty() ? "(top level)" : path, message));
}

const nlohmann::json* FieldReader::find(const nlohmann::json& obj, std::string_view path,
                                        std::string_view key) {
  if (!obj.is_object()) return nullptr;  // the parent's problem was recorded already
  auto it = obj.find(std::string(key));
  if (it == obj.end()) {
    problem(join_path(path, key), "missing");
    return nullptr;
  }
  return &*it;
}

std::string FieldReader::text(const nlohmann::json& obj, std::string_view path, std::string_view key) {
  const auto* v = find(obj, path, key);
  if (!v) return {};
  if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
    problem(join_path(path, key), "must be a non-empty string");
    return {};
  }
  return v->get<std::string>();
}

std::string FieldReader::optional_text(const nlohmann::json& obj, std::string_view path,
                                       std::string_view key, std::string fallback) {
  if (!obj.is_object() || !obj.contains(std::string(key))) return fallback;
  return text(obj, path, key);
}

std::int64_t FieldReader::integer(const nlohmann::json& obj, std::string_view path, std::string_view key) {
  const auto* v = find(obj, path, key);
  if (!v) return 0;
  if (!v->is_number_integer()) {
    problem(join_path(path, key), "must be an integer");
    return 0;
  }
  return v->get<std::int64_t>();
}

double FieldReader::number(const nlohmann::json& obj, std::string_view path, std::string_view key) {
  const auto* v = find(obj, path, key);
  if (!v) return 0;
  if (!v->is_number()) {
    problem(join_path(path, key), "must be a number");
    return 0;
  }
  return v->get<double>();
}

bool FieldReader::boolean(const nlohmann::json& obj, std::string_view path, std::string_view key,
                          bool fallback) {
  if (!obj.is_object() || !obj.contains(std::string(key))) return fallback;
  const auto& v = obj.at(std::string(key));
  if (!v.is_boolean()) {
    problem(join_path(path, key), "must be true or false");
    return fallback;
  }
  return v.get<bool>();
}

std::vector<std::string> FieldReader::texts(const nlohmann::json& obj, std::string_view path,
                                            std::string_view key, bool allow_empty) {
  const auto& arr = array(obj, path, key);
  std::vector<std::string> out;
  if (!arr.is_array()) return out;
  const auto field = join_path(path, key);
  if (arr.empty() && !allow_empty) problem(field, "must not be empty");
  for (std::size_t i = 0; i < arr.size(); ++i) {
    if (!arr[i].is_string() || arr[i].get_ref<const std::string&>().empty()) {
      problem(index_path(field, i), "must be a non-empty string");
      continue;
    }
    out.push_back(arr[i].get<std::string>());
  }
  return out;
}

const nlohmann::json& FieldReader::object(const nlohmann::json& obj, std::string_view path,
                                          std::string_view key) {
  const auto* v = find(obj, path, key);
  if (!v) return kNull;
  if (!v->is_object()) {
    problem(join_path(path, key), "must be an object");
    return kNull;
  }
  return *v;
}

const nlohmann::json& FieldReader::array(const nlohmann::json& obj, std::string_view path,
                                         std::string_view key) {
  const auto* v = find(obj, path, key);
  if (!v) return kNull;
  if (!v->is_array()) {
    problem(join_path(path, key), "must be an array");
    return kNull;
  }
  return *v;
}

core::Error catalog_error(const std::vector<std::string>& problems) {
  std::string message = problems.empty() ? "catalog is invalid" : problems.front();
  if (problems.size() > 1) message += fmt::format(" (and {} more problems)", problems.size() - 1);
  return core::Error{core::ErrorKind::internal, "catalog_invalid", message,
                     nlohmann::json{{"problems", problems}}};
}

}  // namespace storyloom::catalog
