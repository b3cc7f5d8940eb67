#include "app/pipeline/brief_json.hpp"

namespace storyloom::app {

nlohmann::json brief_to_json(const core::IllustrationBrief& b) {
  return {{"theme", b.theme},   {"setting", b.setting},     {"pose", b.pose},
          {"mood", b.mood},     {"time_of_day", b.time_of_day}, {"framing", b.framing},
          {"props", b.props},   {"companion", b.companion}, {"companion_kind", b.companion_kind},
          {"description", b.description}, {"text_band", b.text_band}, {"text_band_height", b.text_band_height},
          {"version", b.version}};
}

core::Result<core::IllustrationBrief> brief_from_json(const nlohmann::json& j) {
  try {
    core::IllustrationBrief b;
    for (auto [field, target] : {std::pair{"theme", &b.theme}, {"setting", &b.setting}, {"pose", &b.pose},
                                 {"mood", &b.mood}, {"time_of_day", &b.time_of_day}, {"framing", &b.framing},
                                 {"companion_kind", &b.companion_kind}, {"description", &b.description},
                                 {"text_band", &b.text_band}})
      *target = j.value(field, "");
    b.props = j.value("props", std::vector<std::string>{});
    b.companion = j.value("companion", false);
    b.text_band_height = j.value("text_band_height", 0.0);
    b.version = j.value("version", 1);
    if (b.theme.empty() || b.setting.empty())
      return core::fail(core::ErrorKind::invalid_argument, "brief_invalid", "The page's brief names no theme or setting.");
    return b;
  } catch (const nlohmann::json::exception& e) {  // a field of the wrong type
    return core::fail(core::ErrorKind::invalid_argument, "brief_invalid", std::string("The page's brief is malformed: ") + e.what());
  }
}

}  // namespace storyloom::app
