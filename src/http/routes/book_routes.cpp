#include "http/routes/book_routes.hpp"

#include <fmt/format.h>

#include "http/error_response.hpp"
#include "http/json_body.hpp"

namespace storyloom::http {
namespace {

using core::BookStatus;

nlohmann::json time_or_null(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

// A book's pages as a parent may see them: preview pages with a signed watermarked image,
// locked pages with neither text nor link until the book is paid (the story is what is sold),
// then the final images.
core::Result<nlohmann::json> pages_json(const books::Book& book, const std::vector<books::Page>& pages,
                                        blob::Store& blobs, std::chrono::seconds ttl) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : pages) {
    const bool locked = !books::is_unlocked(book) && p.preview_image_key.empty();
    nlohmann::json page{{"number", p.number}, {"personalized", !p.fell_back}, {"locked", locked}};
    page["text"] = locked ? nlohmann::json() : nlohmann::json(p.text);
    std::string key;
    if (books::is_unlocked(book)) key = p.final_image_key;
    else if (!p.preview_image_key.empty()) key = p.preview_image_key;
    if (!key.empty()) {
      auto url = blobs.signed_url(key, ttl);
      if (!url) return std::unexpected(url.error());
      page["image_url"] = *url;
    } else {
      page["image_url"] = nullptr;
    }
    out.push_back(std::move(page));
  }
  return out;
}

// The signed-in caller (Auth also applies CSRF and rate limits), else 401.
core::Result<std::string> owner_of(Request& req, const BookRoutesOptions& o) {
  if (o.auth) {
    auto who = o.auth->require_user(req);
    if (!who) return std::unexpected(who.error());
    return who->user.id;
  }
  if (!req.user_id || req.user_id->empty())
    return core::fail(core::ErrorKind::unauthenticated, "auth_required", "Please sign in first.");
  return *req.user_id;
}

core::Result<books::NewBook> new_book_from(const nlohmann::json& body, std::string owner, bool charge) {
  if (body.contains("child_id"))
    return core::fail(core::ErrorKind::unsupported, "children_unavailable",
                      "Saved children are not available yet; send the child's details as `child`.");
  const auto text = [&](const char* k) { return body.contains(k) && body[k].is_string() ? body[k].get<std::string>() : ""; };
  return books::NewBook{.owner_id = std::move(owner), .child = body.value("child", nlohmann::json()),
                        .photo_id = text("photo_id"), .theme = text("theme"), .style = text("style"),
                        .charge_credit = charge};
}

int page_number(const Request& req) {
  const auto& n = req.param("n");
  return n.size() <= 3 && !n.empty() && std::all_of(n.begin(), n.end(), ::isdigit) ? std::stoi(n) : -1;
}

}  // namespace

nlohmann::json book_json(const books::Book& b, const books::Progress& progress, const books::BookRules& rules) {
  nlohmann::json failure = nullptr;
  if (b.status == BookStatus::failed) failure = {{"code", b.failure_code}, {"message", b.failure_message}};
  return {{"id", b.id},
          {"status", core::to_string(b.status)},
          {"title", b.title},
          {"child", b.child},
          {"theme", b.theme},
          {"style", b.style},
          {"progress", books::to_json(progress)},
          {"created_at", b.created_at},
          {"updated_at", b.updated_at},
          {"preview_ready_at", time_or_null(b.preview_ready_at)},
          {"paid_at", time_or_null(b.paid_at)},
          {"expires_at", time_or_null(b.expires_at)},
          {"failure", failure},
          {"retries_left", std::max(0, rules.max_retries - b.retries_used)},
          {"regenerations_left", std::max(0, rules.max_regenerations - b.regenerations_used)}};
}

namespace {

Response show_book(Request& req, books::BookService& service, const BookRoutesOptions& o, int status = 200) {
  auto owner = owner_of(req, o);
  if (!owner) return error_response(req, owner.error());
  auto book = service.get(*owner, req.param("id"));
  if (!book) return error_response(req, book.error());
  auto progress = service.progress(*book);
  if (!progress) return error_response(req, progress.error());
  return Response::json(status, book_json(*book, *progress, o.rules));
}

// Polled by the server: sends the progress whenever it changed; ends after the book settles.
ChunkSource progress_events(books::BookService& service, std::string owner, std::string id,
                            const BookRoutesOptions& o) {
  struct State {
    std::string last;
    bool done = false;
  };
  auto state = std::make_shared<State>();
  return [&service, owner, id, rules = o.rules, state]() -> std::optional<std::string> {
    if (state->done) return std::nullopt;
    auto book = service.get(owner, id);
    if (!book) {
      state->done = true;
      return sse_event("error", nlohmann::json{{"code", book.error().code}}.dump());
    }
    auto progress = service.progress(*book);
    if (!progress) return std::string();
    const auto data = book_json(*book, *progress, rules).dump();
    const bool moving = book->status == BookStatus::generating || book->status == BookStatus::paid ||
                        book->status == BookStatus::finalizing || book->status == BookStatus::draft;
    state->done = !moving;
    if (data == state->last) return std::string();
    state->last = data;
    return sse_event("progress", data);
  };
}

}  // namespace

void add_book_routes(Router& router, books::BookService& service, blob::Store& blobs, BookRoutesOptions o) {
  router.post("/api/books", [&service, o](Request& req) {
    auto owner = owner_of(req, o);
    if (!owner) return error_response(req, owner.error());
    auto body = parse_json_object(req);
    if (!body) return error_response(req, body.error());
    auto request = new_book_from(*body, *owner, o.charge_credits);
    if (!request) return error_response(req, request.error());
    if (o.check_photo && !request->photo_id.empty())
      if (auto mine = o.check_photo(*owner, request->photo_id); !mine) return error_response(req, mine.error());
    if (o.check_book)
      if (auto ok = o.check_book(*request); !ok) return error_response(req, ok.error());
    auto book = service.start_book(*request);
    if (!book) return error_response(req, book.error());
    return Response::json(202, {{"id", book->id}, {"status", core::to_string(book->status)}});
  });
  router.get("/api/books", [&service, o](Request& req) {
    auto owner = owner_of(req, o);
    if (!owner) return error_response(req, owner.error());
    const auto limit = req.query_param("limit").value_or("20");
    const bool numeric = !limit.empty() && limit.size() <= 3 && std::all_of(limit.begin(), limit.end(), ::isdigit);
    if (!numeric) return error_response(req, core::ErrorKind::invalid_argument, "limit_invalid", "limit must be 1 to 100.");
    auto page = service.library(*owner, std::stoi(limit), req.query_param("cursor").value_or(""));
    if (!page) return error_response(req, page.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& b : page->books) {
      auto progress = service.progress(b);
      if (!progress) return error_response(req, progress.error());
      items.push_back(book_json(b, *progress, o.rules));
    }
    return Response::json(200, {{"books", items},
                                {"next_cursor", page->next_cursor.empty() ? nlohmann::json() : nlohmann::json(page->next_cursor)}});
  });
  router.get("/api/books/{id}", [&service, o](Request& req) { return show_book(req, service, o); });
  router.get("/api/books/{id}/events", [&service, o](Request& req) {
    auto owner = owner_of(req, o);
    if (!owner) return error_response(req, owner.error());
    if (auto book = service.get(*owner, req.param("id")); !book) return error_response(req, book.error());
    return Response::event_stream(progress_events(service, *owner, req.param("id"), o), o.events_poll);
  });
  router.get("/api/books/{id}/pages", [&service, &blobs, o](Request& req) {
    auto owner = owner_of(req, o);
    if (!owner) return error_response(req, owner.error());
    auto book = service.get(*owner, req.param("id"));
    if (!book) return error_response(req, book.error());
    auto pages = service.pages(*owner, book->id);
    if (!pages) return error_response(req, pages.error());
    auto json = pages_json(*book, *pages, blobs, o.link_ttl);
    if (!json) return error_response(req, json.error());
    return Response::json(200, {{"book_id", book->id}, {"pages", *json}});
  });
  router.post("/api/books/{id}/retry", [&service, o](Request& req) {
    auto owner = owner_of(req, o);
    if (!owner) return error_response(req, owner.error());
    if (auto book = service.retry(*owner, req.param("id")); !book) return error_response(req, book.error());
    return show_book(req, service, o, 202);
  });
  router.post("/api/books/{id}/pages/{n}/regenerate", [&service, o](Request& req) {
    auto owner = owner_of(req, o);
    if (!owner) return error_response(req, owner.error());
    const int n = page_number(req);
    if (n < 1) return error_response(req, core::ErrorKind::not_found, "page_not_found", "There is no such page.");
    if (auto book = service.regenerate_page(*owner, req.param("id"), n); !book) return error_response(req, book.error());
    return show_book(req, service, o, 202);
  });
  router.del("/api/books/{id}", [&service, o](Request& req) {
    auto owner = owner_of(req, o);
    if (!owner) return error_response(req, owner.error());
    if (auto done = service.delete_book(*owner, req.param("id")); !done) return error_response(req, done.error());
    return Response::no_content();
  });
}

}  // namespace storyloom::http
