// Maps method + path to a handler. Patterns are literal segments, `{name}` (one segment) and a
// final `{name...}` (the rest of the path, slashes included), e.g. "/api/books/{id}/pages/{n}",
// "/files/{key...}". Where several patterns match, the more literal one wins. A path no pattern
// matches is a 404 envelope; a path that matches with another method is a 405 with Allow.
// Routes that answer GET also answer HEAD (the server drops the body).
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace storyloom::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  // REQUIRES: a valid pattern (starts with '/', `{...}` only as whole segments, `{x...}` only
  // last). Throws std::invalid_argument otherwise: that is a programming bug, found at start-up.
  Router& add(std::string_view method, std::string_view pattern, Handler handler);
  Router& get(std::string_view pattern, Handler h) { return add("GET", pattern, std::move(h)); }
  Router& post(std::string_view pattern, Handler h) { return add("POST", pattern, std::move(h)); }
  Router& put(std::string_view pattern, Handler h) { return add("PUT", pattern, std::move(h)); }
  Router& patch(std::string_view pattern, Handler h) { return add("PATCH", pattern, std::move(h)); }
  Router& del(std::string_view pattern, Handler h) { return add("DELETE", pattern, std::move(h)); }

  // Answers GET/HEAD requests that no route matches (the web app's client-side routes).
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  // Fills req.path_params and calls the handler, or answers 404/405.
  Response dispatch(Request& req) const;

 private:
  enum class SegmentKind { literal, param, tail };
  struct Segment {
    SegmentKind kind;
    std::string text;  // literal text or parameter name
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
  };

  static bool matches(const Route& route, const std::vector<std::string_view>& parts, Request* fill);
  static bool more_specific(const Route& a, const Route& b);

  std::vector<Route> routes_;
  Handler fallback_;
};

}  // namespace storyloom::http
