// Every HTTP route of `storyloom serve`, registered from the services the composition root
// built. Modules add one line here: `http::add_<resource>_routes(router, <their services>);`.
#include "app/services.hpp"
#include "http/routes/commerce_routes.hpp"
#include "http/routes/book_routes.hpp"
#include "http/routes/file_routes.hpp"
#include "http/routes/system_routes.hpp"
#include "http/routes/web_routes.hpp"

namespace storyloom::app {

namespace {

std::vector<http::ReadinessCheck> readiness_checks(Services& s) {
  return {
      {"database",
       [db = s.database]() -> core::Result<void> {
         auto conn = db->acquire();
         if (!conn) return std::unexpected(conn.error());
         auto rows = (*conn)->query("SELECT 1");
         if (!rows) return std::unexpected(rows.error());
         return {};
       }},
      {"blob_store", [blobs = s.blobs.get()]() { return blobs->check_writable(); }},
  };
}

}  // namespace

void add_routes(http::Router& router, Services& s) {
  http::add_system_routes(router, {STORYLOOM_VERSION, s.config.shop_name}, readiness_checks(s));
  http::add_file_routes(router, *s.signer, *s.blobs);
  add_account_routes(router, *s.accounts);
  http::add_commerce_routes(router, s.commerce->routes(s.config.shop_name, s.accounts->auth.get()));
  add_catalog_routes(router, *s.catalog);
  add_photo_routes(router, s);
  http::add_book_routes(router, *s.generation->books, *s.blobs,
                        {.rules = generation_options(s.config).rules, .charge_credits = s.pipeline->credits != nullptr,
                         .auth = s.accounts->auth.get(), .check_photo = owned_photo_check(*s.photos->library),
                         .check_book = s.pipeline->book_check()});
  http::add_web_routes(router, s.config.web_dir);  // last: it answers what no route matched
}

}  // namespace storyloom::app
