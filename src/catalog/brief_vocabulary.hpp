// The words an illustration brief may use (catalog/illustration-vocabulary.json, mirrored from
// docs/illustration-brief.md). Theme files are checked against it when the catalog loads.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace storyloom::catalog {

struct BriefVocabulary {
  std::map<std::string, std::vector<std::string>> settings_by_theme;
  std::vector<std::string> shared_settings;  // allowed in every theme ("home-bedroom")
  std::vector<std::string> poses;
  std::vector<std::string> moods;
  std::vector<std::string> times_of_day;
  std::vector<std::string> framings;
  std::vector<std::string> companion_kinds;

  bool allows_setting(const std::string& theme, const std::string& setting) const;
};

bool contains(const std::vector<std::string>& words, const std::string& word);

}  // namespace storyloom::catalog
