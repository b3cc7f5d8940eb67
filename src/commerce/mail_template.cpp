#include "commerce/mail_template.hpp"

#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

namespace storyloom::commerce {
namespace {

std::string fill(std::string text, const std::map<std::string, std::string>& values, bool html) {
  for (const auto& [name, value] : values) {
    const std::string token = "{" + name + "}";
    const std::string replacement = html ? html_escape(value) : value;
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + replacement.size()))
      text.replace(at, token.size(), replacement);
  }
  return text;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

core::Result<MailTemplate> MailTemplate::load(const std::filesystem::path& file,
                                              const std::vector<std::string>& placeholders) {
  auto invalid = [&](const std::string& why) {
    return core::fail(core::ErrorKind::invalid_argument, "mail_template_invalid", file.string() + ": " + why);
  };
  std::ifstream in(file);
  if (!in) return invalid("cannot be read");
  const auto j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return invalid("not a JSON object");
  MailTemplate t;
  for (auto [key, part] : {std::pair{"subject", &t.subject_}, std::pair{"text", &t.text_}, std::pair{"html", &t.html_}}) {
    if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty()) return invalid(std::string("needs \"") + key + "\"");
    *part = j[key].get<std::string>();
    // Every {word} must be a known placeholder: a typo would otherwise reach a parent's inbox.
    static const std::regex kToken(R"(\{([a-z_]+)\})");
    for (std::sregex_iterator it(part->begin(), part->end(), kToken), end; it != end; ++it)
      if (std::find(placeholders.begin(), placeholders.end(), (*it)[1].str()) == placeholders.end())
        return invalid("unknown placeholder {" + (*it)[1].str() + "} in " + key);
  }
  return t;
}

OrderMail MailTemplate::render(const std::string& to, const std::string& kind,
                               const std::map<std::string, std::string>& values) const {
  std::string subject = fill(subject_, values, false);
  std::erase_if(subject, [](char c) { return c == '\r' || c == '\n'; });  // no header injection via a title
  return OrderMail{to, std::move(subject), fill(text_, values, false), fill(html_, values, true), kind};
}

}  // namespace storyloom::commerce
