// The small template grammar theme texts are written in (full reference: docs/book-engine.md).
//
//   {name} {name's}                 the child's name; possessive always adds ’s ("James’s")
//   {they} {them} {their} {theirs} {themselves} {they're} {they've} {they'll} {they'd}
//                                   pronouns; a capital first letter ({They're}) capitalizes
//   {is|are} {runs|run} {was|were}  verb agreement: left for she/he, right for they
//   {companion} {companion's} {colour} {hometown} {age}
//   {if companion}…{else}…{end}     optional sections (companion, colour, hometown); a value
//                                   may only be used inside the {if} that guarantees it
//
// Straight apostrophes and quotes in the text become typographic ones; runs of spaces left
// by empty sections collapse and never precede punctuation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "story/child.hpp"

namespace storyloom::story {

struct TemplateValues {
  std::string name;
  Pronouns pronouns = Pronouns::they;
  std::optional<std::string> companion;
  std::optional<std::string> colour;
  std::optional<std::string> hometown;
  int age = 0;
};

// Fills a template. Errors (template_invalid, with details.position) for unknown tags,
// unbalanced {if}/{end}, or a value used outside its guard — whatever the values are.
core::Result<std::string> render_template(std::string_view tpl, const TemplateValues& values);

// Checks a template's syntax and guards without real values (used when the catalog loads).
core::Result<void> check_template(std::string_view tpl);

}  // namespace storyloom::story
