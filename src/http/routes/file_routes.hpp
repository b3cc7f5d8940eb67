// GET /files/<key>?exp=<unix>&sig=<hmac>: blobs of the file store behind signed, expiring links
// (blob/url_signer.hpp). Anything wrong with the link is a 403 envelope; ranges are honoured.
#pragma once

#include "blob/file_store.hpp"
#include "blob/url_signer.hpp"
#include "http/router.hpp"

namespace storyloom::http {

// The signer and store must outlive the router.
void add_file_routes(Router& router, const blob::UrlSigner& signer, const blob::FileStore& store);

}  // namespace storyloom::http
