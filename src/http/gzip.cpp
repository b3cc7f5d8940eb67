#include "http/gzip.hpp"
#include "core/text.hpp"

#include <zlib.h>

#include <charconv>

#include "http/headers.hpp"
#include "http/middleware.hpp"

namespace storyloom::http {

namespace {

// The q value of one Accept-Encoding item ("gzip;q=0.5"); 1 when absent, 0 when malformed.
double quality(std::string_view params) {
  const auto q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  const auto text = core::trim(params.substr(q + 2));
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() ? value : 0.0;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  std::optional<double> gzip, any;
  while (!accept_encoding.empty()) {
    const auto comma = accept_encoding.find(',');
    const auto item = core::trim(accept_encoding.substr(0, comma));
    accept_encoding = comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    const auto semi = item.find(';');
    const auto coding = core::trim(item.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1.0 : quality(item.substr(semi + 1));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) gzip = q;
    if (coding == "*") any = q;
  }
  if (gzip) return *gzip > 0;
  return any && *any > 0;
}

bool is_compressible_type(std::string_view type) {
  return type.starts_with("text/") || type.starts_with("application/json") ||
         type.starts_with("application/javascript") || type.starts_with("application/xml") ||
         type.starts_with("image/svg+xml") || type.starts_with("application/manifest+json");
}

std::optional<std::string> gzip_compress(std::string_view bytes) {
  z_stream zs{};
  // windowBits 15 + 16 asks zlib for a gzip wrapper instead of a raw zlib stream.
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string out(deflateBound(&zs, bytes.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  const auto written = zs.total_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  out.resize(written);
  return out;
}

std::optional<std::string> gzip_decompress(std::string_view bytes, std::size_t max_bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return std::nullopt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) rc = Z_MEM_ERROR;
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

Middleware gzip_middleware(std::size_t min_bytes) {
  return [min_bytes](Request& req, const Handler& next) {
    Response res = next(req);
    if (res.is_streaming() || res.file || res.body.size() < min_bytes || res.headers.has("Content-Encoding")) return res;
    const auto type = res.headers.get("Content-Type");
    if (!type || !is_compressible_type(*type)) return res;
    res.headers.add("Vary", "Accept-Encoding");
    const auto accept = req.header("Accept-Encoding");
    if (!accept || !accepts_gzip(*accept)) return res;
    if (auto packed = gzip_compress(res.body)) {
      res.body = std::move(*packed);
      res.headers.set("Content-Encoding", "gzip");
    }
    return res;
  };
}

}  // namespace storyloom::http
