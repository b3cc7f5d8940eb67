// Renders sample pages to PNG so people can look at the art:
//   art_contact_sheet OUT_DIR [size] [theme...]
// Writes OUT_DIR/<theme>-<setting>-<pose>-<time>.png for each theme's settings (pose, time,
// mood and framing rotate through the vocabularies so one run shows a bit of everything).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "art/encode.hpp"
#include "art/vector_illustrator.hpp"

using namespace storyloom;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: art_contact_sheet OUT_DIR [size] [theme...]\n");
    return 2;
  }
  const std::filesystem::path out_dir = argv[1];
  const int size = argc > 2 ? std::stoi(argv[2]) : 512;
  const char* only_pose = std::getenv("ART_POSE");  // e.g. ART_POSE=sleeping to look at one pose
  std::vector<std::string> themes(argv + std::min(argc, 3), argv + argc);
  std::filesystem::create_directories(out_dir);
  auto illustrator = art::VectorIllustrator::load(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog" / "art");
  if (!illustrator) {
    std::fprintf(stderr, "%s\n", illustrator.error().message.c_str());
    return 1;
  }
  static const char* poses[] = {"standing", "walking", "running", "jumping", "waving", "pointing",
                                "sitting", "reaching", "flying", "swimming", "sleeping", "celebrating"};
  static const char* times[] = {"morning", "day", "sunset", "night"};
  static const char* moods[] = {"joyful", "curious", "brave", "calm", "tense", "amazed", "triumphant", "sleepy"};
  static const char* framings[] = {"medium", "wide", "close"};
  static const char* kinds[] = {"dog", "cat", "bunny", "dragon", "unicorn", "robot", "owl", "fox"};
  int n = 0;
  for (const auto& [theme, kit] : (*illustrator)->kits().themes) {
    if (!themes.empty() && std::ranges::find(themes, theme) == themes.end()) continue;
    std::vector<std::string> settings;
    for (const auto& [id, s] : kit.settings) settings.push_back(id);
    for (const auto& [id, s] : (*illustrator)->kits().generic.shared.settings) settings.push_back(id);
    for (const auto& setting : settings) {
      const char* time = std::getenv("ART_TIME");  // e.g. ART_TIME=night; else each in turn
      core::IllustrationBrief brief{theme, setting, only_pose ? only_pose : poses[n % 12], moods[n % 8], time ? time : times[n % 4], framings[n % 3],
                                    {"lantern", "map"}, n % 2 == 0, kinds[n % 8]};
      if (const char* band = std::getenv("ART_TEXT_BAND")) {  // e.g. ART_TEXT_BAND=bottom:0.36
        const std::string b(band);
        brief.text_band = b.substr(0, b.find(':'));
        brief.text_band_height = std::atof(b.substr(b.find(':') + 1).c_str());
      }
      if (const char* framing = std::getenv("ART_FRAMING")) brief.framing = framing;
      core::HeroLook look;
      static const char* hair[] = {"short", "long", "curly", "ponytail", "buzz"};
      look.hair_style = hair[n % 5];
      if (const char* skin = std::getenv("ART_SKIN")) look.skin_tone = skin;  // e.g. ART_SKIN=#5c3a21
      if (const char* hair_colour = std::getenv("ART_HAIR")) look.hair_colour = hair_colour;
      if (const char* outfit = std::getenv("ART_OUTFIT")) look.outfit_colour = outfit;
      auto picture = (*illustrator)->illustrate(brief, look, size, size, 1000 + n);
      ++n;
      if (!picture) {
        std::fprintf(stderr, "%s/%s: %s\n", theme.c_str(), setting.c_str(), picture.error().message.c_str());
        return 1;
      }
      auto png = art::encode_png(picture->image);
      const auto file = out_dir / (theme + "-" + setting + "-" + brief.pose + "-" + brief.time_of_day + ".png");
      std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(png->data()), png->size());
      std::printf("%s head=(%.0f,%.0f) r=%.0f tilt=%.0f\n", file.c_str(), picture->hero.head_centre.x,
                  picture->hero.head_centre.y, picture->hero.head_radius, picture->hero.tilt_degrees);
    }
  }
  return 0;
}
