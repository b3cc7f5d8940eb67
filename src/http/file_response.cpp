#include "http/file_response.hpp"

#include <charconv>
#include <chrono>
#include <system_error>

#include <fmt/format.h>

#include "core/clock.hpp"
#include "http/error_response.hpp"

namespace storyloom::http {

namespace {

std::optional<std::uint64_t> to_number(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// fmt 9 would format a system_clock time in local time; HTTP dates are GMT.
std::string http_date(std::filesystem::file_time_type t) {
  const auto sys = std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(t));
  return core::format_utc(sys.time_since_epoch().count(), "%a, %d %b %Y %H:%M:%S GMT");
}

}  // namespace

RangeOutcome parse_range(std::string_view header, std::uint64_t size, ByteRange& out) {
  if (!header.starts_with("bytes=")) return RangeOutcome::whole;
  const auto spec = header.substr(6);
  if (spec.find(',') != std::string_view::npos) return RangeOutcome::whole;
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return RangeOutcome::whole;
  const auto first = spec.substr(0, dash), last = spec.substr(dash + 1);
  if (first.empty()) {  // "-N": the last N bytes
    const auto n = to_number(last);
    if (!n) return RangeOutcome::whole;
    if (*n == 0 || size == 0) return RangeOutcome::unsatisfiable;
    out.length = std::min(*n, size);
    out.offset = size - out.length;
    return RangeOutcome::partial;
  }
  const auto start = to_number(first);
  const auto end = last.empty() ? std::optional<std::uint64_t>(size ? size - 1 : 0) : to_number(last);
  if (!start || !end) return RangeOutcome::whole;
  if (*start >= size) return RangeOutcome::unsatisfiable;
  if (*end < *start) return RangeOutcome::whole;
  out.offset = *start;
  out.length = std::min(*end, size - 1) - *start + 1;
  return RangeOutcome::partial;
}

Response file_response(const Request& req, const std::filesystem::path& path, std::string_view content_type) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const auto mtime = ec ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(path, ec);
  if (ec || !std::filesystem::is_regular_file(path, ec))
    return error_response(req, core::ErrorKind::not_found, "file_not_found", "That file does not exist.");

  const std::string etag = fmt::format("\"{:x}-{:x}\"", size, mtime.time_since_epoch().count());
  Response res;
  res.headers.set("Content-Type", content_type);
  res.headers.set("Accept-Ranges", "bytes");
  res.headers.set("ETag", etag);
  res.headers.set("Last-Modified", http_date(mtime));
  if (req.header("If-None-Match") == std::optional<std::string_view>(etag)) {
    res.status = 304;
    return res;
  }
  ByteRange range{0, size};
  const auto range_header = req.header("Range");
  const auto if_range = req.header("If-Range");
  const bool range_applies = range_header && (!if_range || *if_range == etag);
  const auto outcome = range_applies ? parse_range(*range_header, size, range) : RangeOutcome::whole;
  if (outcome == RangeOutcome::unsatisfiable) {
    Response bad = error_response(req, core::ErrorKind::invalid_argument, "range_not_satisfiable",
                                  "The requested range is outside the file.", {{"size", size}});
    bad.status = 416;
    bad.headers.set("Content-Range", fmt::format("bytes */{}", size));
    return bad;
  }
  if (outcome == RangeOutcome::partial) {
    res.status = 206;
    res.headers.set("Content-Range", fmt::format("bytes {}-{}/{}", range.offset, range.offset + range.length - 1, size));
  } else {
    range = ByteRange{0, size};
  }
  res.file = FileSlice{path, range.offset, range.length};
  return res;
}

std::string_view mime_type_for(const std::filesystem::path& path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".map", "application/json"},
      {".webmanifest", "application/manifest+json"}, {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".webp", "image/webp"}, {".gif", "image/gif"}, {".ico", "image/x-icon"}, {".avif", "image/avif"},
      {".woff", "font/woff"}, {".woff2", "font/woff2"}, {".ttf", "font/ttf"}, {".otf", "font/otf"},
      {".pdf", "application/pdf"}, {".mp3", "audio/mpeg"}, {".wasm", "application/wasm"},
  };
  const std::string ext = path.extension().string();
  for (const auto& [e, type] : kTypes)
    if (ext == e) return type;
  return "application/octet-stream";
}

}  // namespace storyloom::http
