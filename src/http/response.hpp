// One HTTP response as handlers build it: status, headers and a body — or, for Server-Sent
// Events and other long responses, a chunk source the server polls, or a file slice the server
// streams from disk without loading it into memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "http/headers.hpp"

namespace storyloom::http {

// Polled by the server: a string is written as one chunk (an empty string means "nothing yet,
// ask again after poll_interval"); nullopt ends the stream. Called from a server thread, one
// call at a time per response; it must not block for long. The server also ends the stream
// when the client goes away or the server shuts down.
using ChunkSource = std::function<std::optional<std::string>()>;

struct FileSlice {
  std::filesystem::path path;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  // Streaming mode (chunked transfer encoding): `body`, if any, is sent first, then the chunks.
  ChunkSource next_chunk;
  std::chrono::milliseconds poll_interval{200};

  // File mode: the bytes of a file slice are the body (Content-Length = length).
  std::optional<FileSlice> file;

  bool is_streaming() const { return static_cast<bool>(next_chunk); }

  static Response json(int status, const nlohmann::json& body);
  static Response text(int status, std::string body, std::string_view content_type = "text/plain; charset=utf-8");
  static Response html(int status, std::string body);
  static Response no_content();
  // A text/event-stream response; each chunk the source answers should be whole SSE events
  // (see sse_event()).
  static Response event_stream(ChunkSource source, std::chrono::milliseconds poll_interval = std::chrono::milliseconds(200));
};

// Formats one Server-Sent Event: "event: <name>\ndata: <line>\n...\n\n".
std::string sse_event(std::string_view event, std::string_view data);

}  // namespace storyloom::http
