// `storyloom photo check FILE [--json]`: the photo validation a parent gets on upload, from the
// command line. Exit 0 accepted, 1 refused (a verdict with a reason), 2 anything else: the file
// can't be read, isn't a supported photo, is too large or damaged, or the face model is missing.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "app/commands.hpp"
#include "faces/photo_decoder.hpp"
#include "faces/photo_intake.hpp"

namespace storyloom::app {
namespace {

struct PhotoCheckOptions {
  std::string file;
  bool json = false;
};

void print_verdict(const faces::CheckedPhoto& photo, bool json) {
  const auto& v = photo.verdict;
  if (json) {
    fmt::print("{}\n", photo.to_json().dump(2));
    return;
  }
  if (v.accepted) {
    fmt::print("accepted: one face, {:.0f} px, {:.1f}% of the photo ({}x{} normalized)\n", v.face_size_px,
               v.face_area_percent, photo.width, photo.height);
  } else {
    fmt::print("refused ({}): {}\n  {}\n", v.reason->code, v.reason->message, v.reason->hint);
  }
  fmt::print("  faces {}, confidence {:.2f}, roll {:.1f} deg, sharpness {:.2f}, brightness {:.2f}\n", v.face_count,
             v.confidence, v.roll_degrees, v.sharpness, v.brightness);
}

void print_error(const core::Error& e, bool json) {
  if (json) {
    fmt::print("{}\n", nlohmann::json{{"error", {{"code", e.code}, {"message", e.message}, {"details", e.details}}}}.dump(2));
  } else {
    fmt::print(stderr, "error ({}): {}\n", e.code, e.message);
  }
}

int run_photo_check(const PhotoCheckOptions& opt) {
  const faces::PhotoLimits limits;
  std::ifstream in(opt.file, std::ios::binary);
  if (!in) {
    print_error({core::ErrorKind::not_found, "file_not_found", "Cannot open " + opt.file}, opt.json);
    return 2;
  }
  // Read at most one byte past the limit: enough to know it is too large, without reading it all.
  std::string bytes(limits.max_bytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  // Hostile or broken files are refused from their header before the model (a second) is loaded.
  if (auto header = faces::inspect_photo(bytes, limits); !header) {
    print_error(header.error(), opt.json);
    return 2;
  }
  auto model = faces::FaceModel::shared();
  if (!model) {
    print_error(model.error(), opt.json);
    return 2;
  }
  const faces::PhotoIntake intake(*model, limits);
  auto photo = intake.examine(bytes);
  if (!photo) {
    print_error(photo.error(), opt.json);
    return 2;
  }
  print_verdict(*photo, opt.json);
  return photo->verdict.accepted ? 0 : 1;
}

}  // namespace

void add_photo_command(CLI::App& app, CommandContext& ctx) {
  auto* photo = app.add_subcommand("photo", "Work with a child's photo");
  photo->require_subcommand(1);
  auto* check = photo->add_subcommand("check", "Validate a photo as an upload would (exit 0 accepted, 1 refused, 2 error)");
  auto opt = std::make_shared<PhotoCheckOptions>();
  check->add_option("FILE", opt->file, "JPEG, PNG, WebP or HEIC photo")->required();
  check->add_flag("--json", opt->json, "Print the verdict as JSON");
  check->callback([opt, &ctx] { ctx.exit_code = run_photo_check(*opt); });
}

}  // namespace storyloom::app
