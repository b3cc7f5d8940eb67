#include "http/routes/me_routes.hpp"

namespace storyloom::http {

void add_me_routes(Router& router, const Auth& auth) {
  router.get("/api/me", [&auth](Request& req) {
    auto who = auth.require_user(req);
    if (!who) return auth.error(req, who.error());
    return Response::json(200, {{"user", accounts::to_json(who->user)},
                                {"session", {{"id", who->session.id}, {"expires_at", who->session.expires_at},
                                             {"idle_deadline", who->session.idle_deadline}}}});
  });
  router.get("/api/me/export", [&auth](Request& req) {
    auto who = auth.require_user(req);
    if (!who) return auth.error(req, who.error());
    auto data = auth.accounts().export_data(*who);
    if (!data) return auth.error(req, data.error());
    Response r = Response::json(200, *data);
    r.headers.set("Content-Disposition", "attachment; filename=\"storyloom-export.json\"");
    r.headers.set("Cache-Control", "no-store");
    return r;
  });
  router.del("/api/me", [&auth](Request& req) {
    auto who = auth.require_user(req);
    if (!who) return auth.error(req, who.error());
    if (auto ok = auth.accounts().delete_account(*who, auth.origin_of(req)); !ok) return auth.error(req, ok.error());
    Response r = Response::no_content();
    r.headers.add("Set-Cookie", auth.cleared_cookie(req));
    return r;
  });
}

}  // namespace storyloom::http
