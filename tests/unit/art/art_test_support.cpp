#include "art_test_support.hpp"

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "art/cairo_image.hpp"

namespace storyloom::art::testing {

std::filesystem::path art_dir() { return std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog" / "art"; }

VectorIllustrator& shared_illustrator() {
  static auto loaded = VectorIllustrator::load(art_dir());
  if (!loaded) {
    ADD_FAILURE() << loaded.error().message;
    std::abort();
  }
  return **loaded;
}

static std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, std::vector<std::string>> documented_settings() {
  const std::string doc = read_text(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "docs" / "illustration-brief.md");
  std::map<std::string, std::vector<std::string>> out;
  const std::regex row(R"(\|\s*([a-z][a-z-]*)\s*\|\s*([a-z, -]+?)\s*\|)");
  for (std::sregex_iterator it(doc.begin(), doc.end(), row), end; it != end; ++it) {
    if ((*it)[1] == "theme") continue;
    std::stringstream list((*it)[2].str());
    for (std::string s; std::getline(list, s, ',');) out[(*it)[1]].push_back(s.substr(s.find_first_not_of(' ')));
  }
  return out;
}

std::vector<std::string> documented_shared_settings() {
  const std::string doc = read_text(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "docs" / "illustration-brief.md");
  std::smatch m;
  std::regex_search(doc, m, std::regex(R"(Every theme also has the shared settings ([^.]+)\.)"));
  const std::string sentence = m[1].str();
  std::vector<std::string> out;
  const std::regex word("`([a-z-]+)`");
  for (std::sregex_iterator it(sentence.begin(), sentence.end(), word), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

std::vector<std::string> documented_poses() {
  const std::string doc = read_text(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "docs" / "illustration-brief.md");
  std::smatch m;
  std::regex_search(doc, m, std::regex(R"(- pose: ([a-z,\s]+)\n- mood)"));
  std::vector<std::string> out;
  std::stringstream list(m[1].str());
  for (std::string s; std::getline(list, s, ',');) {
    s.erase(0, s.find_first_not_of(" \n"));
    s.erase(s.find_last_not_of(" \n") + 1);
    out.push_back(s);
  }
  return out;
}

core::Image decode_png_file(const std::filesystem::path& file) {
  SurfacePtr surface(cairo_image_surface_create_from_png(file.c_str()));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
  if (cairo_image_surface_get_format(surface.get()) != CAIRO_FORMAT_ARGB32) {
    SurfacePtr argb(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width(surface.get()),
                                               cairo_image_surface_get_height(surface.get())));
    cairo_t* cr = cairo_create(argb.get());
    cairo_set_source_surface(cr, surface.get(), 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    return image_from_surface(argb.get());
  }
  return image_from_surface(surface.get());
}

// The face in astronaut.png spans about x 180..270, y 70..190 (looked at by hand): crop it and
// give it a soft elliptical mask, as the faces module would.
static std::filesystem::path photo_path(const char* name) {
  return std::filesystem::path(STORYLOOM_TESTDATA_DIR) / "photos" / name;  // tests/data
}

core::FaceCutout astronaut_face() {
  const core::Image photo = decode_png_file(photo_path("astronaut.png"));
  core::FaceCutout face;
  if (photo.width < 300 || photo.height < 200) {
    ADD_FAILURE() << "cannot read " << photo_path("astronaut.png");
    return face;
  }
  const int x0 = 180, y0 = 70, w = 90, h = 120;
  face.rgba = core::Image(w, h);
  double sum[3] = {0, 0, 0};
  int n = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const std::uint8_t* in = photo.at(x0 + x, y0 + y);
      std::uint8_t* out = face.rgba.at(x, y);
      const double d = std::hypot((x - 45.0) / 40.0, (y - 66.0) / 52.0);
      std::copy_n(in, 3, out);
      out[3] = static_cast<std::uint8_t>(std::clamp((1.0 - d) / 0.15, 0.0, 1.0) * 255);
      if (d < 0.5) {
        for (int c = 0; c < 3; ++c) sum[c] += in[c];
        ++n;
      }
    }
  }
  face.left_eye = {25, 44};
  face.right_eye = {64, 43};
  face.chin = {45, 113};
  face.face_centre = {45, 75};
  face.face_width = 78;
  face.mean_skin = {static_cast<std::uint8_t>(sum[0] / n), static_cast<std::uint8_t>(sum[1] / n),
                    static_cast<std::uint8_t>(sum[2] / n), 255};
  return face;
}

core::IllustrationBrief brief(std::string theme, std::string setting, std::string pose, std::string time,
                              std::string framing) {
  core::IllustrationBrief b;
  b.theme = std::move(theme);
  b.setting = std::move(setting);
  b.pose = std::move(pose);
  b.mood = "joyful";
  b.time_of_day = std::move(time);
  b.framing = std::move(framing);
  b.props = {"lantern", "map"};
  b.companion = true;
  b.companion_kind = "dog";
  return b;
}

double changed_fraction(const core::Image& a, const core::Image& b, int tolerance) {
  if (a.width != b.width || a.height != b.height) return 1.0;
  std::size_t changed = 0;
  for (std::size_t i = 0; i < a.pixels.size(); i += 4) {
    for (int c = 0; c < 4; ++c) {
      if (std::abs(a.pixels[i + c] - b.pixels[i + c]) > tolerance) {
        ++changed;
        break;
      }
    }
  }
  return static_cast<double>(changed) / (a.pixels.size() / 4);
}

}  // namespace storyloom::art::testing
