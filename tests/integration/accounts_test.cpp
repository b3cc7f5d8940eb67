// Accounts over HTTP against the real server: sign-up/in/out, sessions as cookie and bearer,
// CSRF, children (incl. concurrency and cross-user reads), credits, password change and reset
// through the mail outbox, guests, export and deletion, rate limits, and the admin/audit commands.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "harness/api_client.hpp"
#include "harness/http_client.hpp"
#include "harness/server_process.hpp"
#include "harness/shared_server_test.hpp"

using namespace harness;

namespace {

// Cheap argon2 so the suite stays fast; generous limits except where a test sets its own.
Env fast_env(Env extra = {}) {
  Env env{{"STORYLOOM_ACCOUNTS_ARGON2_OPSLIMIT", "1"},
          {"STORYLOOM_ACCOUNTS_ARGON2_MEMLIMIT", "8MiB"},
          {"STORYLOOM_ACCOUNTS_CHILDREN_LIMIT", "3"},
          {"STORYLOOM_RATELIMIT_AUTH_PER_MINUTE", "100000"},
          {"STORYLOOM_RATELIMIT_AUTH_BURST", "100000"}};
  for (auto& [k, v] : extra) env[k] = v;
  return env;
}

std::string newest_mail(const std::filesystem::path& outbox) {
  std::filesystem::path newest;
  for (const auto& e : std::filesystem::directory_iterator(outbox))
    if (newest.empty() || e.path().filename() > newest.filename()) newest = e.path();
  std::ifstream in(newest);
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  for (std::size_t at; (at = text.find("=\r\n")) != std::string::npos;) text.erase(at, 3);
  return text;
}

std::string token_in(const std::string& mail) {
  const auto at = mail.find("token=3D");
  if (at == std::string::npos) return "";
  return mail.substr(at + 8, mail.find_first_of("\r\n", at) - at - 8);
}

class Accounts : public harness::SharedServerTest<Accounts> {
 public:
  static Env server_env() { return fast_env(); }
};

}  // namespace

TEST_F(Accounts, SignUpAnswersCookieAndTokenAndMeKnowsTheUser) {
  ApiClient anon{server_, ""};
  auto r = anon.call("POST", "/api/auth/signup", {{"email", "New.Parent@Example.com"}, {"password", "correct horse battery"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string cookie = r.header("set-cookie");
  EXPECT_NE(cookie.find("storyloom_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain http on loopback
  const std::string token = r.json()["session"]["token"];
  EXPECT_NE(cookie.find(token), std::string::npos);
  ApiClient c{server_, token};
  auto me = c.call("GET", "/api/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["user"]["email"], "new.parent@example.com");
  EXPECT_EQ(me.json()["user"]["role"], "customer");
  auto by_cookie = anon.call("GET", "/api/me", nullptr, {"Cookie: a=b; storyloom_session=" + token});
  EXPECT_EQ(by_cookie.status, 200);
  auto none = anon.call("GET", "/api/me");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(code_of(none), "session_missing");
  EXPECT_FALSE(none.json()["error"].value("request_id", "").empty());
  EXPECT_EQ(ApiClient({server_, "forged"}).call("GET", "/api/me").status, 401);
  auto dup = anon.call("POST", "/api/auth/signup", {{"email", "new.parent@example.com"}, {"password", "other good words"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(code_of(anon.call("POST", "/api/auth/signup", {{"email", "x@example.com"}, {"password", "password123"}})),
            "password_too_common");
  EXPECT_EQ(code_of(anon.call("POST", "/api/auth/signup", {{"email", "x@example.com"}, {"password", "short"}})),
            "password_too_short");
  EXPECT_EQ(code_of(anon.call("POST", "/api/auth/signup", {{"email", "not-an-email"}, {"password", "long enough pw"}})),
            "email_invalid");
}

TEST_F(Accounts, LoginLogoutAndLogoutEverywhere) {
  const auto email = unique_email("login");
  sign_up(*server_, email);
  ApiClient anon{server_, ""};
  EXPECT_EQ(code_of(anon.call("POST", "/api/auth/login", {{"email", email}, {"password", "wrong password"}})),
            "invalid_credentials");
  EXPECT_EQ(code_of(anon.call("POST", "/api/auth/login", {{"email", "nobody@example.com"}, {"password", "wrong password"}})),
            "invalid_credentials");
  auto a = anon.call("POST", "/api/auth/login", {{"email", email}, {"password", "correct horse battery"}});
  ASSERT_EQ(a.status, 200);
  auto b = anon.call("POST", "/api/auth/login", {{"email", email}, {"password", "correct horse battery"}});
  ApiClient ca{server_, a.json()["session"]["token"]}, cb{server_, b.json()["session"]["token"]};
  auto out = ca.call("POST", "/api/auth/logout");
  EXPECT_EQ(out.status, 200);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(ca.call("GET", "/api/me").status, 401);
  EXPECT_EQ(cb.call("GET", "/api/me").status, 200);
  auto all = cb.call("POST", "/api/auth/logout-all");
  EXPECT_EQ(all.status, 200);
  EXPECT_EQ(cb.call("GET", "/api/me").status, 401);
}

TEST_F(Accounts, CookieRequestsThatChangeThingsNeedOurOrigin) {
  auto c = sign_up(*server_, unique_email("csrf"));
  ApiClient anon{server_, ""};
  const std::string cookie = "Cookie: storyloom_session=" + c.token;
  const nlohmann::json child{{"name", "Ada"}, {"age", 5}};
  auto forged = anon.call("POST", "/api/children", child, {cookie, "Origin: https://evil.example"});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(code_of(forged), "csrf_origin_mismatch");
  EXPECT_EQ(code_of(anon.call("POST", "/api/children", child, {cookie})), "csrf_origin_mismatch");
  const std::string own = "http://127.0.0.1:" + std::to_string(server_->port());
  auto ok = anon.call("POST", "/api/children", child, {cookie, "Origin: " + own});
  EXPECT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(anon.call("GET", "/api/children", nullptr, {cookie}).status, 200);  // reads need no Origin
  EXPECT_EQ(c.call("POST", "/api/children", {{"name", "Bea"}, {"age", 6}}).status, 201);  // bearer: exempt
}

TEST_F(Accounts, ChildrenCrudAndAnotherUsersChildIsNotFound) {
  auto a = sign_up(*server_, unique_email("owner"));
  auto b = sign_up(*server_, unique_email("other"));
  auto created = a.call("POST", "/api/children",
                        {{"name", "Zoë Anne-Marie"}, {"age", 6}, {"pronouns", "she"}, {"companion", "a fox"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  EXPECT_EQ(a.call("GET", "/api/children/" + id).json()["name"], "Zoë Anne-Marie");
  auto patched = a.call("PATCH", "/api/children/" + id, {{"favourite_colour", "green"}});
  EXPECT_EQ(patched.json()["favourite_colour"], "green");
  EXPECT_EQ(code_of(a.call("POST", "/api/children", {{"name", "R2D2"}, {"age", 6}})), "child_name_invalid");
  EXPECT_EQ(code_of(a.call("POST", "/api/children", {{"name", "Max"}, {"age", 13}})), "age_invalid");
  const auto missing = a.call("GET", "/api/children/ch_00000000000000000000");
  for (const auto& [method, body] : std::vector<std::pair<std::string, nlohmann::json>>{
           {"GET", nullptr}, {"PATCH", {{"name", "Mine"}}}, {"DELETE", nullptr}}) {
    auto r = b.call(method, "/api/children/" + id, body);
    EXPECT_EQ(r.status, 404) << method;
    EXPECT_EQ(code_of(r), code_of(missing)) << method;
    EXPECT_EQ(r.json()["error"]["message"], missing.json()["error"]["message"]);
  }
  EXPECT_TRUE(b.call("GET", "/api/children").json()["children"].empty());
  EXPECT_EQ(a.call("DELETE", "/api/children/" + id).status, 204);
  EXPECT_EQ(a.call("GET", "/api/children/" + id).status, 404);
}

TEST_F(Accounts, ConcurrentChildCreatesStopAtTheConfiguredLimit) {
  auto a = sign_up(*server_, unique_email("many"));
  std::atomic<int> created{0}, limited{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i)
    threads.emplace_back([&] {
      auto r = a.call("POST", "/api/children", {{"name", "Kim"}, {"age", 4}});
      if (r.status == 201) ++created;
      else if (r.status == 409 && code_of(r) == "children_limit_reached") ++limited;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 3);
  EXPECT_EQ(limited.load(), 9);
}

TEST_F(Accounts, CreditsShowTrialBalanceAndPaginateWithLimits) {
  auto a = sign_up(*server_, unique_email("credits"));
  auto r = a.call("GET", "/api/credits");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["balance"], 3);
  ASSERT_EQ(r.json()["entries"].size(), 1u);
  EXPECT_EQ(r.json()["entries"][0]["kind"], "trial");
  EXPECT_TRUE(r.json()["next_cursor"].is_null());
  for (const char* bad : {"0", "101", "x"})
    EXPECT_EQ(code_of(a.call("GET", std::string("/api/credits?limit=") + bad)), "limit_invalid") << bad;
  EXPECT_EQ(code_of(a.call("GET", "/api/credits?cursor=nope")), "cursor_invalid");
  EXPECT_EQ(ApiClient({server_, ""}).call("GET", "/api/credits").status, 401);
}

TEST_F(Accounts, PasswordChangeAndResetThroughTheOutbox) {
  const auto email = unique_email("reset");
  auto a = sign_up(*server_, email);
  auto other_session = sign_up(*server_, unique_email("bystander"));
  ApiClient anon{server_, ""};
  auto second = anon.call("POST", "/api/auth/login", {{"email", email}, {"password", "correct horse battery"}});
  ApiClient b{server_, second.json()["session"]["token"]};
  EXPECT_EQ(code_of(a.call("POST", "/api/auth/password", {{"current_password", "nope nope"}, {"new_password", "fresh words here"}})),
            "password_wrong");
  ASSERT_EQ(a.call("POST", "/api/auth/password",
                   {{"current_password", "correct horse battery"}, {"new_password", "fresh words here"}}).status, 200);
  EXPECT_EQ(a.call("GET", "/api/me").status, 200);
  EXPECT_EQ(b.call("GET", "/api/me").status, 401);  // other sessions ended

  EXPECT_EQ(anon.call("POST", "/api/auth/reset-request", {{"email", "ghost@example.com"}}).status, 202);
  ASSERT_EQ(anon.call("POST", "/api/auth/reset-request", {{"email", email}}).status, 202);
  const std::string mail = newest_mail(server_->data_dir() / "outbox");
  EXPECT_NE(mail.find("To: " + email), std::string::npos);
  const std::string token = token_in(mail);
  ASSERT_FALSE(token.empty()) << mail;
  ASSERT_EQ(anon.call("POST", "/api/auth/reset", {{"token", token}, {"new_password", "after the reset"}}).status, 200);
  EXPECT_EQ(code_of(anon.call("POST", "/api/auth/reset", {{"token", token}, {"new_password", "again and again"}})),
            "token_invalid");
  EXPECT_EQ(a.call("GET", "/api/me").status, 401);  // every session ended
  EXPECT_EQ(anon.call("POST", "/api/auth/login", {{"email", email}, {"password", "after the reset"}}).status, 200);
  EXPECT_EQ(other_session.call("GET", "/api/me").status, 200);
}

TEST_F(Accounts, AGuestSigningUpKeepsTheirChildren) {
  ApiClient anon{server_, ""};
  auto g = anon.call("POST", "/api/auth/guest");
  ASSERT_EQ(g.status, 201) << g.body;
  EXPECT_EQ(g.json()["user"]["kind"], "guest");
  ApiClient guest{server_, g.json()["session"]["token"]};
  ASSERT_EQ(guest.call("POST", "/api/children", {{"name", "Mia"}, {"age", 3}}).status, 201);
  auto signed_up = guest.call("POST", "/api/auth/signup", {{"email", unique_email("guest")}, {"password", "correct horse battery"}});
  ASSERT_EQ(signed_up.status, 201) << signed_up.body;
  EXPECT_EQ(signed_up.json()["claimed"]["children"], 1);
  ApiClient member{server_, signed_up.json()["session"]["token"]};
  EXPECT_EQ(member.call("GET", "/api/children").json()["children"][0]["name"], "Mia");
  EXPECT_EQ(guest.call("GET", "/api/me").status, 401);
}

TEST_F(Accounts, ExportHasEverythingAndDeleteRemovesTheAccount) {
  const auto email = unique_email("leaving");
  auto a = sign_up(*server_, email);
  ASSERT_EQ(a.call("POST", "/api/children", {{"name", "Ada"}, {"age", 7}}).status, 201);
  auto exported = a.call("GET", "/api/me/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.json()["user"]["email"], email);
  EXPECT_EQ(exported.json()["children"][0]["name"], "Ada");
  EXPECT_EQ(exported.json()["credits"][0]["kind"], "trial");
  EXPECT_EQ(exported.body.find("argon2"), std::string::npos);
  EXPECT_EQ(a.call("DELETE", "/api/me").status, 204);
  EXPECT_EQ(a.call("GET", "/api/me").status, 401);
  ApiClient anon{server_, ""};
  EXPECT_EQ(code_of(anon.call("POST", "/api/auth/login", {{"email", email}, {"password", "correct horse battery"}})),
            "invalid_credentials");
  EXPECT_EQ(anon.call("POST", "/api/auth/signup", {{"email", email}, {"password", "correct horse battery"}}).status, 201);
}

TEST_F(Accounts, RepeatedWrongPasswordsAreThrottledWithRetryAfter) {
  const auto email = unique_email("guessed");
  sign_up(*server_, email);
  ApiClient anon{server_, ""};
  HttpResponse last;
  for (int i = 0; i < 7; ++i) last = anon.call("POST", "/api/auth/login", {{"email", email}, {"password", "guess guess"}});
  EXPECT_EQ(last.status, 429);
  EXPECT_EQ(code_of(last), "signin_throttled");
  EXPECT_GE(std::atoi(last.header("retry-after").c_str()), 1);
}

TEST(AccountsLimits, AuthRoutesAreRateLimitedPerIpWithRetryAfter) {
  auto server = ServerProcess::start(fast_env({{"STORYLOOM_RATELIMIT_AUTH_PER_MINUTE", "2"},
                                               {"STORYLOOM_RATELIMIT_AUTH_BURST", "2"}}));
  ASSERT_NE(server, nullptr);
  ApiClient anon{server.get(), ""};
  const nlohmann::json body{{"email", "x@example.com"}, {"password", "whatever works"}};
  EXPECT_EQ(anon.call("POST", "/api/auth/login", body).status, 401);
  EXPECT_EQ(anon.call("POST", "/api/auth/login", body).status, 401);
  auto limited = anon.call("POST", "/api/auth/login", body);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(code_of(limited), "rate_limited");
  EXPECT_EQ(limited.header("retry-after"), "30");
}

TEST(AccountsCommands, AdminGrantAndAuditListing) {
  auto server = ServerProcess::start(fast_env());
  ASSERT_NE(server, nullptr);
  auto owner = sign_up(*server, "owner@example.com");
  const Env env{{"STORYLOOM_DATA_DIR", server->data_dir().string()}};
  auto grant = run_storyloom({"admin", "grant", "Owner@Example.com"}, env);
  EXPECT_EQ(grant.exit_code, 0) << grant.err;
  EXPECT_NE(grant.out.find("owner@example.com is now admin"), std::string::npos);
  EXPECT_EQ(owner.call("GET", "/api/me").json()["user"]["role"], "admin");
  EXPECT_NE(run_storyloom({"admin", "grant", "nobody@example.com"}, env).exit_code, 0);
  auto audit = run_storyloom({"audit", "--event", "role_changed", "--json"}, env);
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
  auto line = nlohmann::json::parse(audit.out.substr(0, audit.out.find('\n')), nullptr, false);
  EXPECT_EQ(line["event"], "role_changed");
  EXPECT_EQ(line["details"]["role"], "admin");
  auto all = run_storyloom({"audit"}, env);
  EXPECT_NE(all.out.find("signup"), std::string::npos);
}
