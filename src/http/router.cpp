#include "http/router.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "http/error_response.hpp"

namespace storyloom::http {

namespace {

// "/a/b" -> {"a","b"}; "/" -> {}; "/a/" -> {"a",""}.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.size() <= 1) return parts;
  std::size_t start = 1;
  while (true) {
    const auto slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool answers(std::string_view route_method, std::string_view request_method) {
  return route_method == request_method || (request_method == "HEAD" && route_method == "GET");
}

}  // namespace

Router& Router::add(std::string_view method, std::string_view pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument(fmt::format("route pattern must start with '/': {}", pattern));
  Route route{std::string(method), std::string(pattern), {}, std::move(handler)};
  const auto parts = split_path(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto part = parts[i];
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      auto name = part.substr(1, part.size() - 2);
      const bool tail = name.ends_with("...");
      if (tail) name.remove_suffix(3);
      if (name.empty() || (tail && i + 1 != parts.size()))
        throw std::invalid_argument(fmt::format("bad route pattern: {}", pattern));
      route.segments.push_back({tail ? SegmentKind::tail : SegmentKind::param, std::string(name)});
    } else {
      if (part.find_first_of("{}") != std::string_view::npos) throw std::invalid_argument(fmt::format("bad route pattern: {}", pattern));
      route.segments.push_back({SegmentKind::literal, std::string(part)});
    }
  }
  routes_.push_back(std::move(route));
  return *this;
}

bool Router::matches(const Route& route, const std::vector<std::string_view>& parts, Request* fill) {
  const auto& segs = route.segments;
  const bool has_tail = !segs.empty() && segs.back().kind == SegmentKind::tail;
  if (has_tail ? parts.size() < segs.size() : parts.size() != segs.size()) return false;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const auto& seg = segs[i];
    if (seg.kind == SegmentKind::literal && seg.text != parts[i]) return false;
    // Parameters never match empty segments: "/api/books//pages" is nobody's book.
    if (seg.kind != SegmentKind::literal && parts[i].empty()) return false;
  }
  if (!fill) return true;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (segs[i].kind == SegmentKind::param) fill->path_params[segs[i].text] = std::string(parts[i]);
    if (segs[i].kind == SegmentKind::tail) {
      std::string rest(parts[i]);
      for (std::size_t j = i + 1; j < parts.size(); ++j) rest.append("/").append(parts[j]);
      fill->path_params[segs[i].text] = std::move(rest);
    }
  }
  return true;
}

// Literal beats parameter beats tail at the first segment where the two differ.
bool Router::more_specific(const Route& a, const Route& b) {
  const std::size_t n = std::min(a.segments.size(), b.segments.size());
  for (std::size_t i = 0; i < n; ++i)
    if (a.segments[i].kind != b.segments[i].kind) return a.segments[i].kind < b.segments[i].kind;
  return a.segments.size() > b.segments.size();
}

Response Router::dispatch(Request& req) const {
  const auto parts = split_path(req.path);
  const Route* best = nullptr;
  std::vector<std::string> allowed;
  for (const auto& route : routes_) {
    if (!matches(route, parts, nullptr)) continue;
    if (answers(route.method, req.method)) {
      if (!best || more_specific(route, *best)) best = &route;
    } else if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
      allowed.push_back(route.method);
    }
  }
  if (best) {
    matches(*best, parts, &req);
    return best->handler(req);
  }
  if (!allowed.empty()) {
    if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end()) allowed.push_back("HEAD");
    auto res = error_response(req, core::ErrorKind::method_not_allowed, "method_not_allowed",
                              fmt::format("{} is not allowed on {}.", req.method, req.path), {{"allowed", allowed}});
    res.headers.set("Allow", fmt::format("{}", fmt::join(allowed, ", ")));
    return res;
  }
  if (fallback_ && (req.method == "GET" || req.method == "HEAD")) return fallback_(req);
  return error_response(req, core::ErrorKind::not_found, "not_found", fmt::format("Nothing is at {}.", req.path));
}

}  // namespace storyloom::http
