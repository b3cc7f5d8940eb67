#include "http/routes/auth_routes.hpp"

#include "http/json_body.hpp"

namespace storyloom::http {
namespace {

std::string string_field(const nlohmann::json& body, const char* name) {
  return body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : std::string();
}

Response signed_in(const Auth& auth, const Request& req, const accounts::SignedIn& s, int status) {
  nlohmann::json body{{"user", accounts::to_json(s.user)},
                      {"session", {{"id", s.session.session.id},
                                   {"token", s.session.token},
                                   {"expires_at", s.session.session.expires_at}}}};
  if (!s.claimed.empty()) body["claimed"] = s.claimed;
  Response r = Response::json(status, body);
  r.headers.add("Set-Cookie", auth.session_cookie(req, s.session));
  r.headers.set("Cache-Control", "no-store");
  return r;
}

// Unauthenticated entry points are limited per client IP before any work (argon2 is costly).
core::Result<nlohmann::json> limited_body(const Auth& auth, const Request& req) {
  if (auto ok = auth.limit(req, "auth"); !ok) return std::unexpected(ok.error());
  return parse_json_object(req);
}

Response sign_up(const Auth& auth, Request& req) {
  auto body = limited_body(auth, req);
  if (!body) return auth.error(req, body.error());
  auto guest = auth.optional_user(req);  // a guest signing up keeps what they made
  if (!guest) return auth.error(req, guest.error());
  auto s = auth.accounts().sign_up(string_field(*body, "email"), string_field(*body, "password"),
                                   string_field(*body, "display_name"), *guest, auth.origin_of(req));
  if (!s) return auth.error(req, s.error());
  return signed_in(auth, req, *s, 201);
}

Response sign_in(const Auth& auth, Request& req) {
  auto body = limited_body(auth, req);
  if (!body) return auth.error(req, body.error());
  auto s = auth.accounts().sign_in(string_field(*body, "email"), string_field(*body, "password"), auth.origin_of(req));
  if (!s) return auth.error(req, s.error());
  return signed_in(auth, req, *s, 200);
}

Response sign_out(const Auth& auth, Request& req, bool everywhere) {
  auto who = auth.require_user(req);
  if (!who) return auth.error(req, who.error());
  nlohmann::json body{{"signed_out", true}};
  if (everywhere) {
    auto n = auth.accounts().sign_out_everywhere(*who, auth.origin_of(req));
    if (!n) return auth.error(req, n.error());
    body["sessions_ended"] = *n;
  } else if (!who->session.id.empty()) {
    if (auto ok = auth.accounts().sign_out(*who); !ok) return auth.error(req, ok.error());
  }
  Response r = Response::json(200, body);
  r.headers.add("Set-Cookie", auth.cleared_cookie(req));
  return r;
}

Response change_password(const Auth& auth, Request& req) {
  auto who = auth.require_user(req);
  if (!who) return auth.error(req, who.error());
  auto body = parse_json_object(req);
  if (!body) return auth.error(req, body.error());
  auto ok = auth.accounts().change_password(*who, string_field(*body, "current_password"),
                                            string_field(*body, "new_password"), auth.origin_of(req));
  if (!ok) return auth.error(req, ok.error());
  return Response::json(200, {{"changed", true}});
}

Response reset_request(const Auth& auth, Request& req) {
  auto body = limited_body(auth, req);
  if (!body) return auth.error(req, body.error());
  auto ok = auth.accounts().request_password_reset(string_field(*body, "email"), auth.origin_of(req));
  if (!ok) return auth.error(req, ok.error());
  // The same answer whether or not the address has an account.
  return Response::json(202, {{"sent", true}});
}

Response reset(const Auth& auth, Request& req) {
  auto body = limited_body(auth, req);
  if (!body) return auth.error(req, body.error());
  auto ok = auth.accounts().reset_password(string_field(*body, "token"), string_field(*body, "new_password"),
                                           auth.origin_of(req));
  if (!ok) return auth.error(req, ok.error());
  return Response::json(200, {{"reset", true}});
}

Response guest(const Auth& auth, Request& req) {
  if (auto ok = auth.limit(req, "auth"); !ok) return auth.error(req, ok.error());
  auto s = auth.accounts().start_guest(auth.origin_of(req));
  if (!s) return auth.error(req, s.error());
  return signed_in(auth, req, *s, 201);
}

Response claim(const Auth& auth, Request& req) {
  auto who = auth.require_user(req);
  if (!who) return auth.error(req, who.error());
  auto body = parse_json_object(req);
  if (!body) return auth.error(req, body.error());
  auto moved = auth.accounts().claim_guest(*who, string_field(*body, "token"), auth.origin_of(req));
  if (!moved) return auth.error(req, moved.error());
  return Response::json(200, {{"claimed", *moved}});
}

}  // namespace

void add_auth_routes(Router& router, const Auth& auth) {
  router.post("/api/auth/signup", [&auth](Request& req) { return sign_up(auth, req); });
  router.post("/api/auth/login", [&auth](Request& req) { return sign_in(auth, req); });
  router.post("/api/auth/logout", [&auth](Request& req) { return sign_out(auth, req, false); });
  router.post("/api/auth/logout-all", [&auth](Request& req) { return sign_out(auth, req, true); });
  router.post("/api/auth/password", [&auth](Request& req) { return change_password(auth, req); });
  router.post("/api/auth/reset-request", [&auth](Request& req) { return reset_request(auth, req); });
  router.post("/api/auth/reset", [&auth](Request& req) { return reset(auth, req); });
  router.post("/api/auth/guest", [&auth](Request& req) { return guest(auth, req); });
  router.post("/api/auth/claim", [&auth](Request& req) { return claim(auth, req); });
}

}  // namespace storyloom::http
