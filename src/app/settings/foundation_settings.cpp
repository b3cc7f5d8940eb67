// Settings of the foundation: HTTP server, data directory, database, blob store, web app,
// workers, logging and the shop's name. See docs/configuration.md.
#include "app/settings_registry.hpp"
#include "app/validators.hpp"

namespace storyloom::app {
namespace {

const RegisterSettings kFoundation{{
    {"http.host", "127.0.0.1", "Address to listen on (0.0.0.0 for every interface)", host_name()},
    {"http.port", "8080", "TCP port to listen on; 0 picks a free one (logged at start-up)", integer_between(0, 65535)},
    {"http.threads", "0", "Server threads; 0 means one per CPU core", integer_between(0, 256)},
    {"http.max_body_bytes", "16MiB", "Largest request body accepted (larger: 413)", byte_size(1024)},
    {"http.max_header_bytes", "16KiB", "Largest request head (request line + headers) accepted (larger: 413)",
     byte_size(1024)},
    {"http.read_timeout_ms", "10000", "Time a client has to send a request's head, and again its body",
     integer_between(100, 600'000)},
    {"http.shutdown_grace_ms", "5000", "On SIGTERM, how long in-flight requests may take to finish",
     integer_between(0, 120'000)},
    {"http.cors_origins", "", "Origins allowed to call the API from a browser (comma-separated, or *)", origin_list()},
    {"http.public_base_url", "", "Public URL of this server (https://shop.example), used in links that leave it",
     http_url(true)},
    {"data.dir", "./storyloom-data", "Directory for the database file, blobs and generated secrets", non_empty()},
    {"database.url", "sqlite://${data.dir}/storyloom.db", "Database: sqlite://PATH (or a file path); postgres://... later",
     non_empty()},
    {"blob.url", "file://${data.dir}/blobs", "Blob store: file://DIR (or a directory); s3://... later", non_empty()},
    {"blob.signing_secret", "", "Secret for signed /files links; empty: generated once into the data directory",
     [](std::string_view v) -> std::optional<std::string> {
       if (v.empty() || v.size() >= 32) return std::nullopt;
       return "must be at least 32 characters (or empty to generate one)";
     },
     /*secret=*/true},
    {"web.dir", "web/dist", "The built web app; relative paths are tried from the working directory, then the repository",
     non_empty()},
    {"workers", "2", "Background workers inside `storyloom serve` (0 disables them)", integer_between(0, 64)},
    {"log.level", "info", "Least important log level written", one_of({"debug", "info", "warn", "error"})},
    {"shop.name", "Storyloom", "The shop's name as parents see it", non_empty()},
}};

}  // namespace
}  // namespace storyloom::app
