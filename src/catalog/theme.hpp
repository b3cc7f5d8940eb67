// One adventure from catalog/themes/<id>.json: its copy, ten story pages and an ending, each
// page with text variants per age band and an illustration brief. Texts are templates in the
// story writer's grammar (docs/book-engine.md); the catalog keeps them verbatim.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace storyloom::catalog {

// An illustration brief before personal details are filled in; values come from the
// BriefVocabulary. `description` is a template like the page texts.
struct BriefTemplate {
  std::string setting;
  std::string pose;
  std::string mood;
  std::string time_of_day;
  std::string framing;
  std::vector<std::string> props;
  bool companion = false;  // show the child's companion here when the child has one
  std::string description;
};

// Where the page's text panel sits so it does not cover the hero: "top" or "bottom".
enum class TextPanel { top, bottom };

// Template variants keyed by age band id ("2-4", "5-7", "8-10").
using BandTexts = std::map<std::string, std::vector<std::string>>;

struct ThemePage {
  BriefTemplate brief;
  TextPanel text_panel = TextPanel::bottom;
  BandTexts text;
};

struct Palette {
  std::string cover = "#2d4a7a";   // cover and title page background
  std::string accent = "#f2b134";  // titles, ornaments
  std::string paper = "#fdf6e3";   // text panels and text-only pages
  std::string ink = "#2b2118";     // body text
};

struct Theme {
  std::string id;
  std::string name;         // "The Enchanted Forest", for the shop
  std::string description;  // one or two sentences for the web app
  std::vector<std::string> title_patterns;  // templates: "{name} and the Whispering Woods"
  std::vector<std::string> cover_texts;     // templates: the back-cover blurb
  std::vector<std::string> dedications;     // templates
  std::string default_companion;            // companion kind drawn when only a name is given
  int sample_page = 1;                      // the page the web app shows as the sample
  Palette palette;
  BriefTemplate cover_brief;                // the front cover's illustration
  std::vector<ThemePage> pages;             // exactly the catalog's story page count
  BandTexts ending;
};

}  // namespace storyloom::catalog
