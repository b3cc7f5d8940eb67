#include "app/mailer_for_commerce.hpp"

namespace storyloom::app {

core::Result<void> MailerForCommerce::send(const commerce::OrderMail& mail) {
  return mailer_.send(accounts::MailMessage{.from = from_, .to = mail.to, .subject = mail.subject, .text = mail.text,
                                            .extra_headers = {{"X-Storyloom-Kind", mail.kind}}, .html = mail.html});
}

}  // namespace storyloom::app
