#include "http/request.hpp"

#include <stdexcept>

namespace storyloom::http {

std::optional<std::string> Request::query_param(std::string_view name) const {
  const auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

const std::string& Request::param(std::string_view name) const {
  const auto it = path_params.find(name);
  if (it == path_params.end()) throw std::logic_error("route has no path parameter " + std::string(name));
  return it->second;
}

std::optional<Request> make_request(std::string_view method, std::string_view target) {
  const auto parts = split_target(target);
  if (parts.path.empty() || parts.path.front() != '/') return std::nullopt;
  auto path = percent_decode(parts.path);
  if (!path) return std::nullopt;
  Request req;
  req.method = std::string(method);
  req.target = std::string(target);
  req.path = std::move(*path);
  req.query = parse_query(parts.query);
  return req;
}

}  // namespace storyloom::http
