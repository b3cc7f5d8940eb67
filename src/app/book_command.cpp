// `storyloom book`: one complete book from the command line, no server: story, pictures,
// interior, cover and preview PDFs. Exit 0 made, 1 photo refused, 2 bad input or a missing
// capability (no illustrator linked), 3 failed while making.
#include <chrono>
#include <fstream>
#include <future>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/book_progress.hpp"
#include "app/book_services.hpp"
#include "app/commands.hpp"
#include "catalog/catalog.hpp"
#include "print/book_maker.hpp"
#include "story/template_writer.hpp"

namespace storyloom::app {

namespace {

struct BookOptions {
  std::string name, pronouns = "they", photo, theme, style = "storybook", out, cover, preview;
  std::string companion, colour, hometown;
  int age = 0;
  std::uint64_t seed = 1;
  bool json = false;
};

int fail_with(const core::Error& e, bool json, int code) {
  if (json) std::cout << nlohmann::json{{"ok", false}, {"error", {{"code", e.code}, {"message", e.message}, {"details", e.details}}}}.dump(2) << "\n";
  else fmt::print(stderr, "storyloom book: {}{}\n", e.message,
                  e.details.contains("hint") ? "\n  " + e.details["hint"].get<std::string>() : "");
  return code;
}

core::Result<story::StoryRequest> make_request(const BookOptions& o) {
  auto pronouns = story::parse_pronouns(o.pronouns);
  if (!pronouns) return core::fail(core::ErrorKind::invalid_argument, "pronouns_invalid", "--pronouns must be she, he or they");
  story::Child child{o.name, o.age, *pronouns};
  if (!o.companion.empty()) {
    const auto colon = o.companion.find(':');  // "Biscuit" or "Biscuit:dog"
    child.companion = story::Companion{o.companion.substr(0, colon),
                                       colon == std::string::npos ? "" : o.companion.substr(colon + 1)};
  }
  if (!o.colour.empty()) child.favourite_colour = o.colour;
  if (!o.hometown.empty()) child.hometown = o.hometown;
  return story::StoryRequest{child, o.theme, o.seed};
}

core::Result<void> write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) return core::fail(core::ErrorKind::internal, "write_failed", "cannot write " + path);
  return {};
}

// Times are seconds since the command started. photo_s: until the photo was checked (the face
// model's load included); the book maker starts then.
nlohmann::json summary(const BookOptions& o, const print::MadeBook& b, double photo_s) {
  nlohmann::json files{{"interior", o.out}};
  if (b.cover) files["cover"] = o.cover;
  if (b.preview) files["preview"] = o.preview;
  return {{"ok", true}, {"title", b.story.title}, {"theme", b.story.theme}, {"age_band", b.story.age_band},
          {"interior_pages", b.interior.page_count}, {"font", b.interior.font_family},
          {"font_fallback", b.interior.font_fallback}, {"files", files},
          {"spine_in", b.cover ? b.cover->geometry.spine_in : 0.0},
          {"personalized_pictures", b.personalized_pictures}, {"personalize_fallbacks", b.personalize_fallbacks},
          {"seconds", photo_s + b.seconds_total}, {"photo_seconds", photo_s},
          {"first_preview_page_seconds", b.preview ? nlohmann::json(photo_s + b.seconds_to_first_preview_picture) : nullptr}};
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_book(const BookOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  const auto services = linked_book_services();
  if (!services.read_photo)
    return fail_with({core::ErrorKind::unavailable, "photo_check_unavailable",
                      "Photo check not available: this storyloom build has no faces module linked."}, o.json, 2);
  // The face model takes most of a second to load: check the photo while the catalog loads and
  // the story is written (a return below waits for it, harmlessly).
  auto photo_checked = std::async(std::launch::async, services.read_photo, std::filesystem::path(o.photo));
  auto dir = catalog::find_catalog_dir();
  if (!dir) return fail_with(dir.error(), o.json, 2);
  auto loaded = catalog::load_catalog(*dir);
  if (!loaded) return fail_with(loaded.error(), o.json, 2);
  auto cat = std::make_shared<const catalog::Catalog>(std::move(*loaded));
  if (!cat->find_style(o.style))
    return fail_with({core::ErrorKind::invalid_argument, "style_unknown",
                      fmt::format("--style must be one of: {}", fmt::join(cat->style_ids(), ", "))}, o.json, 2);
  auto writer = story::TemplateWriter::create(cat);
  if (!writer) return fail_with(writer.error(), o.json, 2);
  auto request = make_request(o);
  if (!request) return fail_with(request.error(), o.json, 2);
  if (auto story = (*writer)->write(*request); !story) return fail_with(story.error(), o.json, 2);

  if (!services.make_art)
    return fail_with({core::ErrorKind::unavailable, "illustrator_unavailable",
                      "Illustrator not available: this storyloom build has no art module linked, so it cannot draw a book."},
                     o.json, 2);
  auto photo = photo_checked.get();
  if (!photo) return fail_with(photo.error(), o.json, photo.error().kind == core::ErrorKind::invalid_argument ? 1 : 2);

  photo->look = services.hero_look(photo->traits, o.colour, o.pronouns);
  const double photo_s = seconds_since(started);
  print::BookOrder order{*request, photo->look, !o.cover.empty(), !o.preview.empty()};
  BookProgressPrinter printer;
  print::BookMaker maker(cat, **writer, services.make_art(o.style, *photo));
  auto book = maker.make(order, [&](const print::BookProgress& p) { printer(p); });
  printer.finish();
  if (!book) return fail_with(book.error(), o.json, 3);
  for (auto [path, bytes] : {std::pair{o.out, &book->interior.bytes},
                             {o.cover, book->cover ? &book->cover->pdf.bytes : nullptr},
                             {o.preview, book->preview ? &book->preview->bytes : nullptr}})
    if (bytes)
      if (auto ok = write_file(path, *bytes); !ok) return fail_with(ok.error(), o.json, 3);
  if (o.json) std::cout << summary(o, *book, photo_s).dump(2) << "\n";
  else fmt::print("Made “{}”: {} ({} pages){}{}\n", book->story.title, o.out, book->interior.page_count,
                  book->cover ? ", cover " + o.cover : "", book->preview ? ", preview " + o.preview : "");
  return 0;
}

}  // namespace

void add_book_command(CLI::App& app, CommandContext& ctx) {
  auto o = std::make_shared<BookOptions>();
  auto* cmd = app.add_subcommand("book", "Make one personalized book (print PDF, cover, preview) offline");
  cmd->add_option("--name", o->name, "Child's name")->required();
  cmd->add_option("--age", o->age, "Child's age (2-10)")->required();
  cmd->add_option("--pronouns", o->pronouns, "she, he or they")->capture_default_str();
  cmd->add_option("--photo", o->photo, "Photo of the child (JPEG, PNG, WebP, HEIC)")->required();
  cmd->add_option("--theme", o->theme, "Theme id, e.g. enchanted-forest")->required();
  cmd->add_option("--style", o->style, "Art style: storybook or cartoon")->capture_default_str();
  cmd->add_option("--out", o->out, "Print-ready interior PDF to write")->required();
  cmd->add_option("--cover", o->cover, "Also write the cover wrap PDF here");
  cmd->add_option("--preview", o->preview, "Also write the watermarked preview PDF here");
  cmd->add_option("--seed", o->seed, "Same seed, same book")->capture_default_str();
  cmd->add_option("--companion", o->companion, "Companion's name, optionally with a kind: Biscuit or Biscuit:dog");
  cmd->add_option("--colour,--color", o->colour, "Favourite colour");
  cmd->add_option("--hometown", o->hometown, "Hometown");
  cmd->add_flag("--json", o->json, "Print a JSON summary on stdout");
  cmd->callback([o, &ctx] { ctx.exit_code = run_book(*o); });
}

}  // namespace storyloom::app
