#include "http/routes/children_routes.hpp"

#include "http/json_body.hpp"

namespace storyloom::http {
namespace {

template <class T>
Response answer(const Auth& auth, const Request& req, const core::Result<T>& r, int status,
                const core::Clock& clock) {
  if (!r) return auth.error(req, r.error());
  return Response::json(status, accounts::to_json(*r, clock.unix_seconds()));
}

}  // namespace

void add_children_routes(Router& router, const Auth& auth, accounts::Children& children) {
  const core::Clock& clock = auth.accounts().clock();
  router.get("/api/children", [&auth, &children, &clock](Request& req) {
    auto who = auth.require_user(req);
    if (!who) return auth.error(req, who.error());
    auto list = children.list(who->user.id);
    if (!list) return auth.error(req, list.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : *list) items.push_back(accounts::to_json(c, clock.unix_seconds()));
    return Response::json(200, {{"children", items}, {"limit", children.limit()}});
  });
  router.post("/api/children", [&auth, &children, &clock](Request& req) {
    auto who = auth.require_user(req);
    if (!who) return auth.error(req, who.error());
    auto body = parse_json_object(req);
    if (!body) return auth.error(req, body.error());
    auto input = accounts::parse_child_input(*body);
    if (!input) return auth.error(req, input.error());
    return answer(auth, req, children.create(who->user.id, *input), 201, clock);
  });
  router.get("/api/children/{id}", [&auth, &children, &clock](Request& req) {
    auto who = auth.require_user(req);
    if (!who) return auth.error(req, who.error());
    return answer(auth, req, children.get(who->user.id, req.param("id")), 200, clock);
  });
  router.patch("/api/children/{id}", [&auth, &children, &clock](Request& req) {
    auto who = auth.require_user(req);
    if (!who) return auth.error(req, who.error());
    auto body = parse_json_object(req);
    if (!body) return auth.error(req, body.error());
    auto input = accounts::parse_child_input(*body);
    if (!input) return auth.error(req, input.error());
    return answer(auth, req, children.update(who->user.id, req.param("id"), *input), 200, clock);
  });
  router.del("/api/children/{id}", [&auth, &children](Request& req) {
    auto who = auth.require_user(req);
    if (!who) return auth.error(req, who.error());
    if (auto ok = children.remove(who->user.id, req.param("id")); !ok) return auth.error(req, ok.error());
    return Response::no_content();
  });
}

}  // namespace storyloom::http
