#include "http/routes/file_routes.hpp"

#include "http/error_response.hpp"
#include "http/file_response.hpp"

namespace storyloom::http {

void add_file_routes(Router& router, const blob::UrlSigner& signer, const blob::FileStore& store) {
  router.get("/files/{key...}", [&signer, &store](Request& req) {
    const std::string& key = req.param("key");
    // The signature is checked before the key touches the file system.
    const auto verdict = signer.verify(key, req.query_param("exp").value_or(""), req.query_param("sig").value_or(""));
    if (!verdict) return error_response(req, verdict.error());
    const auto path = store.path_of(key);
    if (!path) return error_response(req, path.error());
    Response res = file_response(req, *path, blob::content_type_for(key));
    // Signed links are personal and expire: browsers may keep them, shared caches may not.
    res.headers.set("Cache-Control", "private, max-age=300");
    return res;
  });
}

}  // namespace storyloom::http
