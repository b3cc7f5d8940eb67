#include "http/response_writer.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <fstream>
#include <optional>
#include <vector>

#include "core/log.hpp"
#include "http/error_response.hpp"
#include "http/response_head.hpp"

namespace storyloom::http::beast_io {

namespace {

namespace bhttp = boost::beast::http;

template <class Body>
void fill_head(bhttp::response<Body>& out, const Response& res, bool keep_alive) {
  out.version(11);
  out.result(static_cast<unsigned>(wire_status(res.status)));
  for (const auto& [name, value] : res.headers)
    if (handler_field_goes_out(name, value)) out.insert(name, value);
  out.set(bhttp::field::server, "storyloom");
  out.keep_alive(keep_alive);
}

// A body in memory: our own head and the body in one gather write.
Awaitable<void> write_body(Stream& stream, Response& res, bool head_only, bool keep_alive,
                           error_code& ec) {
  const int status = wire_status(res.status);
  if (status_has_no_body(status) && !res.body.empty()) {
    core::log_error("dropped the body of a response whose status has none", {{"status", status}});
    res.body.clear();
  }
  const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(status));
  const std::string head = response_head(res, {reason.data(), reason.size()}, res.body.size(), keep_alive);
  // HEAD: Content-Length still tells the size of the GET body.
  const std::array<net::const_buffer, 2> wire{net::buffer(head), net::buffer(res.body.data(), head_only ? 0 : res.body.size())};
  co_await net::async_write(stream, wire, net::redirect_error(kAwait, ec));
}

Awaitable<void> write_stream(Stream& stream, Response& res, bool keep_alive,
                             const WriteOptions& options, error_code& ec) {
  bhttp::response<bhttp::empty_body> head;
  fill_head(head, res, keep_alive);
  head.chunked(true);
  bhttp::response_serializer<bhttp::empty_body> serializer{head};
  co_await bhttp::async_write_header(stream, serializer, net::redirect_error(kAwait, ec));
  if (ec) co_return;
  const bool is_sse = res.headers.get("Content-Type").value_or("").starts_with("text/event-stream");
  std::string chunk = std::move(res.body);
  Timer timer(stream.get_executor());
  auto quiet_since = std::chrono::steady_clock::now();
  while (true) {
    if (!chunk.empty()) {
      stream.expires_after(options.write_timeout);
      co_await net::async_write(stream, bhttp::make_chunk(net::buffer(chunk)), net::redirect_error(kAwait, ec));
      if (ec) co_return;  // the client went away
      quiet_since = std::chrono::steady_clock::now();
    }
    if (options.stopping->load()) break;
    timer.expires_after(res.poll_interval);
    co_await timer.async_wait(net::redirect_error(kAwait, ec));
    std::optional<std::string> next;
    try {
      next = res.next_chunk();
    } catch (const std::exception& e) {
      core::log_error("stream source failed", {{"exception", e.what()}});
      next.reset();
    }
    if (!next) break;
    chunk = std::move(*next);
    if (chunk.empty() && is_sse && std::chrono::steady_clock::now() - quiet_since > options.sse_heartbeat)
      chunk = ": keep-alive\n\n";
  }
  stream.expires_after(options.write_timeout);
  co_await net::async_write(stream, bhttp::make_chunk_last(), net::redirect_error(kAwait, ec));
}

Awaitable<void> write_file(Stream& stream, Response& res, bool head_only, bool keep_alive,
                           const WriteOptions& options, error_code& ec) {
  const FileSlice slice = *res.file;
  std::ifstream file(slice.path, std::ios::binary);
  if (file) file.seekg(static_cast<std::streamoff>(slice.offset));
  if (!file) {
    core::log_error("cannot open file to send", {{"path", slice.path.string()}});
    Response failed = error_response_with_new_id({core::ErrorKind::internal, "internal_error", ""});
    co_await write_body(stream, failed, head_only, false, ec);
    ec = net::error::broken_pipe;  // make the session close
    co_return;
  }
  bhttp::response<bhttp::buffer_body> out;
  fill_head(out, res, keep_alive);
  out.content_length(slice.length);
  out.body().data = nullptr;
  out.body().more = !head_only && slice.length > 0;
  bhttp::response_serializer<bhttp::buffer_body> serializer{out};
  co_await bhttp::async_write_header(stream, serializer, net::redirect_error(kAwait, ec));
  std::vector<char> buf(64 * 1024);
  std::uint64_t left = head_only ? 0 : slice.length;
  while (!ec && left > 0) {
    const auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(buf.size(), left));
    file.read(buf.data(), want);
    const auto got = static_cast<std::size_t>(file.gcount());
    if (got == 0) {
      ec = net::error::broken_pipe;  // the file shrank under us: the promised length can't be kept
      co_return;
    }
    left -= got;
    out.body().data = buf.data();
    out.body().size = got;
    out.body().more = left > 0;
    stream.expires_after(options.write_timeout);
    co_await bhttp::async_write(stream, serializer, net::redirect_error(kAwait, ec));
    if (ec == bhttp::error::need_buffer) ec = {};
  }
}

}  // namespace

Awaitable<void> write_response(Stream& stream, Response& res, bool head_only, bool keep_alive,
                               const WriteOptions& options, error_code& ec) {
  stream.expires_after(options.write_timeout);
  if (res.file) {
    co_await write_file(stream, res, head_only, keep_alive, options, ec);
  } else if (res.is_streaming() && !head_only) {
    co_await write_stream(stream, res, keep_alive, options, ec);
  } else {
    co_await write_body(stream, res, head_only, keep_alive, ec);
  }
}

}  // namespace storyloom::http::beast_io
