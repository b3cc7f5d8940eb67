#include "http/routes/credits_routes.hpp"

#include <charconv>

namespace storyloom::http {

void add_credits_routes(Router& router, const Auth& auth, accounts::CreditsLedger& credits) {
  router.get("/api/credits", [&auth, &credits](Request& req) {
    auto who = auth.require_user(req);
    if (!who) return auth.error(req, who.error());
    int limit = 20;
    if (auto raw = req.query_param("limit")) {
      auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), limit);
      if (ec != std::errc() || end != raw->data() + raw->size()) limit = 0;  // refused below
    }
    const auto cursor = req.query_param("cursor");
    auto page = credits.page(who->user.id, limit, cursor ? std::optional<std::string_view>(*cursor) : std::nullopt);
    if (!page) return auth.error(req, page.error());
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : page->entries) entries.push_back(accounts::to_json(e));
    return Response::json(200, {{"balance", page->balance},
                                {"entries", entries},
                                {"next_cursor", page->next_cursor ? nlohmann::json(*page->next_cursor) : nlohmann::json(nullptr)}});
  });
}

}  // namespace storyloom::http
