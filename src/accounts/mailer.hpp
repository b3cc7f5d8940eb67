// The mail port: one message to one recipient, plain text with an optional HTML alternative. Drivers: OutboxMailer (embedded
// default, .eml files under <data dir>/outbox). An SMTP driver (STORYLOOM_MAIL_SMTP_URL) is not
// written yet; until it is, configuring SMTP must fail at start-up with mail_smtp_unavailable.
// Commerce reuses this port for order mails.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"

namespace storyloom::accounts {

struct MailMessage {
  std::string from;      // "Name <addr>" or "addr"
  std::string to;        // one address
  std::string subject;   // UTF-8; encoded as RFC 2047 when not ASCII
  std::string text;      // UTF-8 body, '\n' line ends
  std::vector<std::pair<std::string, std::string>> extra_headers;  // e.g. {"X-Storyloom-Kind", "password_reset"}
  std::string html;      // UTF-8; when set, the message is multipart/alternative (text first, then HTML)
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // invalid_argument (mail_invalid) for header injection (CR/LF in a header) or an empty
  // recipient; unavailable (mail_unavailable) when the message could not be handed over.
  virtual core::Result<void> send(const MailMessage& message) = 0;
};

}  // namespace storyloom::accounts
