// Mail texts live in catalog/accounts/mail/*.txt: a "Subject: ..." line, a blank line, then the
// body. Placeholders {link} and {minutes} are filled in; nothing else is interpreted.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "core/error.hpp"

namespace storyloom::accounts {

struct MailTemplate {
  std::string subject;
  std::string body;
};

class MailTemplates {
 public:
  // Loads every *.txt in `dir`, keyed by file stem ("password-reset"). internal
  // (catalog_invalid) for a file without a Subject line.
  static core::Result<MailTemplates> load(const std::filesystem::path& dir);
  // internal (catalog_missing) when the template does not exist.
  core::Result<MailTemplate> fill(const std::string& name, const std::map<std::string, std::string>& values) const;

 private:
  std::map<std::string, MailTemplate> templates_;
};

}  // namespace storyloom::accounts
