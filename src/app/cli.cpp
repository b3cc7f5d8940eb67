// The storyloom command line: every sub-command on one CLI11 app (main.cpp only calls this, so
// the CLI11 templates are compiled once, with the rest of the app).
#include "app/cli.hpp"

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/huge_pages.hpp"
#include "catalog/catalog.hpp"
#include "faces/face_model.hpp"

namespace storyloom::app {

int run_cli(int argc, char** argv) {
  restart_with_huge_pages(argv);
  // The face detector ships serialized in the catalog: milliseconds to read instead of the
  // ~0.35 s dlib spends unpacking its own copy (without the file, that copy is used).
  if (auto dir = catalog::find_catalog_dir()) {
    faces::FaceModel::set_default_detector_path((*dir / "models" / "frontal_face_detector.dat").string());
  }
  CLI::App app{"Storyloom: personalized children's storybooks"};
  app.require_subcommand(1);
  app.set_version_flag("--version", STORYLOOM_VERSION);

  CommandContext ctx;
  add_version_command(app, ctx);
  add_serve_command(app, ctx);
  add_migrate_command(app, ctx);
  add_config_command(app, ctx);
  add_photo_command(app, ctx);
  add_book_command(app, ctx);
  add_preflight_command(app, ctx);
  add_admin_command(app, ctx);
  add_audit_command(app, ctx);
  add_worker_command(app, ctx);
  add_cleanup_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help (exit 0) or the parse error (exit 2, our "bad configuration" code).
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return ctx.exit_code;
}

}  // namespace storyloom::app
