#include "http/response.hpp"

namespace storyloom::http {

Response Response::json(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.headers.set("Content-Type", "application/json");
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::text(int status, std::string body, std::string_view content_type) {
  Response r;
  r.status = status;
  r.headers.set("Content-Type", content_type);
  r.body = std::move(body);
  return r;
}

Response Response::html(int status, std::string body) {
  return text(status, std::move(body), "text/html; charset=utf-8");
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  return r;
}

Response Response::event_stream(ChunkSource source, std::chrono::milliseconds poll_interval) {
  Response r;
  r.status = 200;
  r.headers.set("Content-Type", "text/event-stream");
  r.headers.set("Cache-Control", "no-cache");
  // Tells reverse proxies (nginx) not to buffer the stream.
  r.headers.set("X-Accel-Buffering", "no");
  r.next_chunk = std::move(source);
  r.poll_interval = poll_interval;
  return r;
}

std::string sse_event(std::string_view event, std::string_view data) {
  std::string out;
  if (!event.empty()) out.append("event: ").append(event).append("\n");
  std::size_t start = 0;
  while (true) {
    const auto nl = data.find('\n', start);
    out.append("data: ").append(data.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    out.append("\n");
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  out.append("\n");
  return out;
}

}  // namespace storyloom::http
