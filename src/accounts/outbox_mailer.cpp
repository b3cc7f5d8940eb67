#include "accounts/outbox_mailer.hpp"

#include <fstream>

#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"

namespace storyloom::accounts {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// RFC 2047 "B" encoded words of at most 45 input bytes each, never splitting a UTF-8 sequence.
std::string encode_header_words(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  std::string out;
  while (!text.empty()) {
    std::size_t n = std::min<std::size_t>(45, text.size());
    while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + core::base64_encode(text.substr(0, n)) + "?=";
    text.remove_prefix(n);
  }
  return out;
}

// Quoted-printable (RFC 2045 6.7) with CRLF line ends and soft breaks before 76 columns.
std::string quoted_printable(std::string_view body) {
  std::string out;
  std::size_t column = 0;
  auto emit = [&](std::string_view piece) {
    if (column + piece.size() > 75) {
      out += "=\r\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  };
  for (std::size_t i = 0; i < body.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    if (c == '\n') {
      out += "\r\n";
      column = 0;
      continue;
    }
    if (c == '\r') continue;
    const bool line_end = i + 1 == body.size() || body[i + 1] == '\n' || body[i + 1] == '\r';
    const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !line_end);
    if (literal) emit(std::string(1, static_cast<char>(c)));
    else emit(fmt::format("={:02X}", c));
  }
  return out;
}

std::string rfc5322_date(std::int64_t unix_seconds) {
  return core::format_utc(unix_seconds, "%a, %d %b %Y %H:%M:%S +0000");
}

// One body part: its headers, a blank line and the quoted-printable body ending in CRLF.
std::string mime_part(std::string_view type, std::string_view body) {
  std::string out = fmt::format("Content-Type: {}; charset=utf-8\r\n", type);
  out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += quoted_printable(body);
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

}  // namespace

core::Result<std::string> OutboxMailer::render(const MailMessage& m, std::int64_t unix_seconds,
                                               const std::string& message_id) {
  auto bad = [](std::string what) {
    return core::fail(core::ErrorKind::invalid_argument, "mail_invalid", std::move(what));
  };
  if (m.to.empty() || m.from.empty()) return bad("A mail needs a sender and a recipient.");
  if (core::has_line_break(m.to) || core::has_line_break(m.from) || core::has_line_break(m.subject))
    return bad("Mail headers must not contain line breaks.");
  std::string out;
  out += "Date: " + rfc5322_date(unix_seconds) + "\r\n";
  out += "From: " + m.from + "\r\n";
  out += "To: " + m.to + "\r\n";
  out += "Subject: " + encode_header_words(m.subject) + "\r\n";
  out += "Message-ID: <" + message_id + "@storyloom>\r\n";
  for (const auto& [name, value] : m.extra_headers) {
    if (core::has_line_break(name) || core::has_line_break(value) || name.find(':') != std::string::npos)
      return bad("Mail headers must not contain line breaks.");
    out += name + ": " + encode_header_words(value) + "\r\n";
  }
  out += "MIME-Version: 1.0\r\n";
  if (m.html.empty()) return out + mime_part("text/plain", m.text);
  // The boundary holds "=_", which quoted-printable never leaves unescaped, so no part contains it.
  const std::string boundary = "=_storyloom_" + message_id;
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\n" + mime_part("text/plain", m.text);
  out += "--" + boundary + "\r\n" + mime_part("text/html", m.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

core::Result<void> OutboxMailer::send(const MailMessage& message) {
  const std::int64_t now = clock_.unix_seconds();
  const std::string id = core::new_id("ml");
  auto text = render(message, now, id);
  if (!text) return std::unexpected(text.error());
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  const auto final_path = dir_ / fmt::format("{}-{}.eml", now, id);
  const auto temp_path = dir_ / fmt::format(".{}.tmp", id);
  {
    std::ofstream out(temp_path, std::ios::binary);
    out << *text;
    out.flush();
    if (!out) {
      std::filesystem::remove(temp_path, ec);
      return core::fail(core::ErrorKind::unavailable, "mail_unavailable",
                        fmt::format("Cannot write to the mail outbox {}.", dir_.string()));
    }
  }
  std::filesystem::rename(temp_path, final_path, ec);
  if (ec)
    return core::fail(core::ErrorKind::unavailable, "mail_unavailable",
                      fmt::format("Cannot write to the mail outbox: {}.", ec.message()));
  return {};
}

}  // namespace storyloom::accounts
