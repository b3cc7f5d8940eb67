#include "accounts/mail_templates.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace storyloom::accounts {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

core::Result<MailTemplates> MailTemplates::load(const std::filesystem::path& dir) {
  MailTemplates out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    const auto line_end = all.find('\n');
    if (!all.starts_with("Subject: ") || line_end == std::string::npos)
      return core::fail(core::ErrorKind::internal, "catalog_invalid",
                        fmt::format("{} must start with a 'Subject: ' line.", entry.path().string()));
    std::string body = all.substr(line_end + 1);
    if (body.starts_with('\n')) body.erase(0, 1);
    out.templates_[entry.path().stem().string()] = MailTemplate{all.substr(9, line_end - 9), body};
  }
  if (ec)
    return core::fail(core::ErrorKind::internal, "catalog_missing",
                      fmt::format("Cannot read mail templates in {}: {}", dir.string(), ec.message()));
  return out;
}

core::Result<MailTemplate> MailTemplates::fill(const std::string& name,
                                               const std::map<std::string, std::string>& values) const {
  auto it = templates_.find(name);
  if (it == templates_.end())
    return core::fail(core::ErrorKind::internal, "catalog_missing", fmt::format("No mail template '{}'.", name));
  MailTemplate t = it->second;
  for (const auto& [key, value] : values) {
    t.subject = replace_all(t.subject, "{" + key + "}", value);
    t.body = replace_all(t.body, "{" + key + "}", value);
  }
  return t;
}

}  // namespace storyloom::accounts
