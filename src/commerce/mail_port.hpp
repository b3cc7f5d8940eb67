// Outgoing mail as commerce sends it: one message with a text and an HTML part. The accounts
// module's Mailer (outbox .eml files by default, SMTP by configuration) is the production
// driver; its adapter builds a multipart/alternative message from the two parts.
#pragma once

#include <string>

#include "core/error.hpp"

namespace storyloom::commerce {

struct OrderMail {
  std::string to;
  std::string subject;
  std::string text;   // text/plain part, UTF-8
  std::string html;   // text/html part, UTF-8
  std::string kind;   // "book_delivered" (an X-Storyloom-Kind header)
};

class MailPort {
 public:
  virtual ~MailPort() = default;
  virtual core::Result<void> send(const OrderMail& mail) = 0;
};

}  // namespace storyloom::commerce
