// commerce's MailPort over the accounts module's Mailer, so the shop sends every mail through one
// driver (outbox .eml files by default): an order mail becomes one multipart/alternative message.
#pragma once

#include <string>

#include "accounts/mailer.hpp"
#include "commerce/mail_port.hpp"

namespace storyloom::app {

class MailerForCommerce final : public commerce::MailPort {
 public:
  // `from` is the mail.from setting; `mailer` must outlive this.
  MailerForCommerce(accounts::Mailer& mailer, std::string from) : mailer_(mailer), from_(std::move(from)) {}
  core::Result<void> send(const commerce::OrderMail& mail) override;

 private:
  accounts::Mailer& mailer_;
  std::string from_;
};

}  // namespace storyloom::app
