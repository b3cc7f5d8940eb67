// Times one book through the pipeline's real adapters, stage by stage, on one thread: story,
// 10 illustrations at print size, 10 personalized pages, 5 watermarked previews, the preview
// PDF, then the paid half (10 final renditions, interior + cover). Prints CPU milliseconds per
// stage and call as JSON. Usage: bench_pipeline_ports [theme] [photo.jpg]
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "app/pipeline/pipeline_services.hpp"
#include "blob/file_store.hpp"

using namespace storyloom;

namespace {

double cpu_ms() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

struct Stages {
  nlohmann::json out = nlohmann::json::object();
  template <class F>
  auto time(const std::string& name, int calls, F&& f) {
    const double start = cpu_ms();
    auto result = f();
    out[name] = {{"cpu_ms", std::lround(cpu_ms() - start)}, {"per_call_ms", std::lround((cpu_ms() - start) / calls)}};
    return result;
  }
};

template <class T>
T must(core::Result<T> r, const char* what) {
  if (!r) {
    std::cerr << what << ": " << r.error().message << "\n";
    std::exit(1);
  }
  return std::move(*r);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string theme = argc > 1 ? argv[1] : "enchanted-forest";
  const std::string photo = argc > 2 ? argv[2] : STORYLOOM_TESTDATA_DIR "/photos/astronaut.jpg";
  const auto dir = std::filesystem::temp_directory_path() / "storyloom-bench-pipeline";
  std::filesystem::create_directories(dir);
  blob::UrlSigner signer("bench-secret", core::system_clock());
  blob::FileStore blobs(dir, signer);
  std::ifstream in(photo, std::ios::binary);
  must(core::Result<bool>(blobs.put("photos/ph_bench.jpg", std::string(std::istreambuf_iterator<char>(in), {})).has_value()), "photo");
  auto catalog = must(catalog::load_catalog(std::filesystem::path(STORYLOOM_SOURCE_DIR) / "catalog"), "catalog");
  Stages t;
  auto services = t.time("start_up", 1, [&] {
    return must(app::build_pipeline_services(std::make_shared<const catalog::Catalog>(std::move(catalog)), blobs,
                                             core::system_clock(), {}), "services");
  });
  const nlohmann::json child{{"name", "Emma"}, {"age", 6}, {"pronouns", "she"}, {"favourite_colour", "purple"}};
  auto draft = t.time("write_story", 1, [&] { return must(services->story->write_story({.child = child, .theme = theme, .seed = 7}), "story"); });
  t.time("face_model_and_photo", 1, [&] { return must(services->faces->face("ph_bench"), "face"); });
  books::BookDocument doc{.title = draft.title, .theme = theme, .style = "storybook", .child = child,
                          .photo_id = "ph_bench", .seed = 7};
  std::vector<std::string> bases, personal;
  t.time("illustrate_page", 10, [&] {
    for (const auto& p : draft.pages)
      bases.push_back(must(services->illustrator->illustrate({.photo_id = "ph_bench", .page = p.number, .brief = p.brief,
                                                              .child = child, .style = "storybook", .seed = 7}), "illustrate").png);
    return 0;
  });
  t.time("personalize_page", 10, [&] {
    for (std::size_t i = 0; i < bases.size(); ++i)
      personal.push_back(must(services->personalizer->personalize({.photo_id = "ph_bench", .page = int(i) + 1,
                                                                   .base_png = bases[i], .style = "storybook"}), "face").png);
    return 0;
  });
  t.time("watermark", 5, [&] {
    for (int i = 0; i < 5; ++i) doc.pages.push_back({i + 1, draft.pages[i].text, must(services->page_art->watermark(personal[i]), "wm")});
    return 0;
  });
  t.time("assemble_preview", 1, [&] { return must(services->pdf->assemble_preview(doc), "preview").size(); });
  doc.pages.clear();
  t.time("render_final", 10, [&] {
    for (std::size_t i = 0; i < personal.size(); ++i)
      doc.pages.push_back({int(i) + 1, draft.pages[i].text, must(services->page_art->render_final(personal[i], {}, "storybook"), "final").png});
    return 0;
  });
  auto files = t.time("assemble_print", 1, [&] { return must(services->pdf->assemble_print(doc), "print"); });
  t.out["bytes"] = {{"base_png", bases[0].size()}, {"personal_png", personal[0].size()},
                    {"interior_pdf", files.interior.size()}, {"cover_pdf", files.cover.size()}};
  std::cout << t.out.dump(2) << "\n";
  std::filesystem::remove_all(dir);
}
