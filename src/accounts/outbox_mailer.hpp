// The embedded mail driver: writes each message as an RFC 5322 file
// <dir>/<unix seconds>-<id>.eml (CRLF lines, UTF-8 body in quoted-printable), atomically
// (temporary file + rename), so an operator or a test can read or forward them.
#pragma once

#include <filesystem>

#include "accounts/mailer.hpp"
#include "core/clock.hpp"

namespace storyloom::accounts {

class OutboxMailer final : public Mailer {
 public:
  OutboxMailer(std::filesystem::path dir, const core::Clock& clock) : dir_(std::move(dir)), clock_(clock) {}
  core::Result<void> send(const MailMessage& message) override;

  // The full message text; exposed for tests and for a future SMTP driver.
  static core::Result<std::string> render(const MailMessage& message, std::int64_t unix_seconds,
                                          const std::string& message_id);

 private:
  std::filesystem::path dir_;
  const core::Clock& clock_;
};

}  // namespace storyloom::accounts
