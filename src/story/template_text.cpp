#include "story/template_text.hpp"

#include <array>
#include <vector>

#include <fmt/format.h>

namespace storyloom::story {

namespace {

constexpr std::string_view kApostrophe = "\u2019";

struct PronounForms {
  std::string_view key, she, he, they;
};
constexpr std::array<PronounForms, 9> kPronouns{{
    {"they", "she", "he", "they"},
    {"them", "her", "him", "them"},
    {"their", "her", "his", "their"},
    {"theirs", "hers", "his", "theirs"},
    {"themselves", "herself", "himself", "themselves"},
    {"they're", "she\u2019s", "he\u2019s", "they\u2019re"},
    {"they've", "she\u2019s", "he\u2019s", "they\u2019ve"},
    {"they'll", "she\u2019ll", "he\u2019ll", "they\u2019ll"},
    {"they'd", "she\u2019d", "he\u2019d", "they\u2019d"},
}};

struct Section {
  std::string condition;  // companion, colour, hometown
  bool in_else = false;
  bool active = true;  // whether this branch is emitted
};

class Renderer {
 public:
  explicit Renderer(const TemplateValues& v) : v_(v) {}

  core::Result<std::string> run(std::string_view tpl);

 private:
  std::optional<core::Error> tag(std::string_view t, std::size_t pos);
  std::optional<core::Error> value_tag(std::string_view t, std::size_t pos);
  const std::optional<std::string>* optional_value(std::string_view cond) const;
  bool guarded(std::string_view cond) const;
  bool emitting() const;
  void literal(char c);
  void emit(std::string_view s, bool capitalize = false);

  const TemplateValues& v_;
  std::vector<Section> sections_;
  std::string out_;
};

core::Error template_error(std::size_t pos, std::string message) {
  return core::Error{core::ErrorKind::internal, "template_invalid", std::move(message), {{"position", pos}}};
}

std::string tidy(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    if (!space && !out.empty() && out.back() == ' ' && std::string_view(",.!?;:").find(c) != std::string_view::npos)
      out.pop_back();
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool Renderer::emitting() const {
  for (const auto& s : sections_)
    if (!s.active) return false;
  return true;
}

bool Renderer::guarded(std::string_view cond) const {
  for (const auto& s : sections_)
    if (s.condition == cond && !s.in_else) return true;
  return false;
}

const std::optional<std::string>* Renderer::optional_value(std::string_view cond) const {
  if (cond == "companion") return &v_.companion;
  if (cond == "colour") return &v_.colour;
  if (cond == "hometown") return &v_.hometown;
  return nullptr;
}

void Renderer::emit(std::string_view s, bool capitalize) {
  if (!emitting() || s.empty()) return;
  out_ += s;
  if (capitalize && static_cast<unsigned char>(s[0]) < 0x80)
    out_[out_.size() - s.size()] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
}

void Renderer::literal(char c) {
  if (!emitting()) return;
  if (c == '\'') {
    out_ += kApostrophe;
  } else if (c == '"') {
    const bool opening = out_.empty() || out_.back() == ' ' || out_.back() == '(';
    out_ += opening ? "\u201c" : "\u201d";
  } else {
    out_.push_back(c);
  }
}

std::optional<core::Error> Renderer::value_tag(std::string_view t, std::size_t pos) {
  const bool capital = !t.empty() && std::isupper(static_cast<unsigned char>(t[0]));
  std::string key(t);
  key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
  const bool possessive = key.ends_with("'s") && key != "they's";
  const std::string base = possessive ? key.substr(0, key.size() - 2) : key;
  if (base == "name") {
    emit(v_.name);
    if (possessive) emit(fmt::format("{}s", kApostrophe));
    return std::nullopt;
  }
  if (base == "age" && !possessive) {
    emit(std::to_string(v_.age));
    return std::nullopt;
  }
  if (const auto* value = optional_value(base)) {
    if (!guarded(base)) return template_error(pos, fmt::format("{{{}}} is used outside {{if {}}}", t, base));
    if (possessive && base != "companion") return template_error(pos, fmt::format("unknown tag {{{}}}", t));
    if (value->has_value()) emit(**value);
    if (possessive) emit(fmt::format("{}s", kApostrophe));
    return std::nullopt;
  }
  for (const auto& p : kPronouns) {
    if (p.key != key) continue;
    emit(v_.pronouns == Pronouns::she ? p.she : v_.pronouns == Pronouns::he ? p.he : p.they, capital);
    return std::nullopt;
  }
  return template_error(pos, fmt::format("unknown tag {{{}}}", t));
}

std::optional<core::Error> Renderer::tag(std::string_view t, std::size_t pos) {
  if (t.starts_with("if ")) {
    const std::string cond(t.substr(3));
    if (!optional_value(cond)) return template_error(pos, fmt::format("cannot test {{if {}}}", cond));
    sections_.push_back({cond, false, optional_value(cond)->has_value()});
    return std::nullopt;
  }
  if (t == "else") {
    if (sections_.empty() || sections_.back().in_else) return template_error(pos, "{else} without {if}");
    sections_.back().in_else = true;
    sections_.back().active = !sections_.back().active;
    return std::nullopt;
  }
  if (t == "end") {
    if (sections_.empty()) return template_error(pos, "{end} without {if}");
    sections_.pop_back();
    return std::nullopt;
  }
  if (const auto bar = t.find('|'); bar != std::string_view::npos) {
    const auto singular = t.substr(0, bar), plural = t.substr(bar + 1);
    if (singular.empty() || plural.empty() || plural.find('|') != std::string_view::npos)
      return template_error(pos, fmt::format("verb form {{{}}} needs exactly two forms", t));
    // Forms are template text, so their apostrophes become typographic like the rest.
    for (char c : v_.pronouns == Pronouns::they ? plural : singular) literal(c);
    return std::nullopt;
  }
  if (t.empty()) return template_error(pos, "empty tag {}");
  return value_tag(t, pos);
}

core::Result<std::string> Renderer::run(std::string_view tpl) {
  for (std::size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] == '}') return core::fail(template_error(i, "'}' without '{'"));
    if (tpl[i] != '{') {
      literal(tpl[i]);
      continue;
    }
    const auto close = tpl.find('}', i);
    if (close == std::string_view::npos) return core::fail(template_error(i, "'{' is never closed"));
    const auto body = tpl.substr(i + 1, close - i - 1);
    if (body.find('{') != std::string_view::npos) return core::fail(template_error(i, "'{' inside a tag"));
    if (auto err = tag(body, i)) return core::fail(*err);
    i = close;
  }
  if (!sections_.empty())
    return core::fail(template_error(tpl.size(), fmt::format("{{if {}}} is never closed with {{end}}", sections_.back().condition)));
  return tidy(out_);
}

}  // namespace

core::Result<std::string> render_template(std::string_view tpl, const TemplateValues& values) {
  return Renderer(values).run(tpl);
}

core::Result<void> check_template(std::string_view tpl) {
  const TemplateValues sample{"Sam", Pronouns::they, "Pip", "green", "Leeds", 5};
  auto r = render_template(tpl, sample);
  if (!r) return core::fail(r.error());
  return {};
}

}  // namespace storyloom::story
