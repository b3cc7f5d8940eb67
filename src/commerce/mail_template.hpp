// Mail copy lives in catalog/mail/*.json ({subject, text, html}) with {name} placeholders, so a
// shop can change the words without touching C++. Values are HTML-escaped in the HTML part.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "commerce/mail_port.hpp"
#include "core/error.hpp"

namespace storyloom::commerce {

class MailTemplate {
 public:
  // invalid_argument `mail_template_invalid` when a part is missing or a placeholder is unknown.
  static core::Result<MailTemplate> load(const std::filesystem::path& file, const std::vector<std::string>& placeholders);

  // Fills every placeholder (all of them must be given).
  OrderMail render(const std::string& to, const std::string& kind, const std::map<std::string, std::string>& values) const;

 private:
  std::string subject_, text_, html_;
};

std::string html_escape(std::string_view text);

}  // namespace storyloom::commerce
