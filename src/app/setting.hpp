// One configuration setting as the registry knows it. Every setting has one name
// ("section.key", used in config files), one environment variable (STORYLOOM_SECTION_KEY),
// a default, and a validator that explains what is wrong with a bad value.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace storyloom::app {

// Answers nullopt for a good value, or what is wrong with it ("must be an integer from 0 to
// 65535"); the loader adds the setting's name, source and the value.
using Validator = std::function<std::optional<std::string>(std::string_view value)>;

struct Setting {
  std::string name;           // "http.port"; a name without a dot ("workers") has no section
  std::string default_value;  // may refer to other settings as ${name}, e.g. "${data.dir}/blobs"
  std::string description;    // one line for `storyloom config` and docs/configuration.md
  Validator validate;         // empty: any value
  bool secret = false;        // masked by `storyloom config`, never logged
  std::string env;            // empty: derived from the name (see env_name_for)
};

// "http.max_body_bytes" -> "STORYLOOM_HTTP_MAX_BODY_BYTES", "workers" -> "STORYLOOM_WORKERS".
std::string env_name_for(std::string_view setting_name);

}  // namespace storyloom::app
