// `storyloom preflight FILE.pdf`: the print partner's checks, run locally. Exit 0 pass,
// 1 fail (each failure printed), 2 when the file cannot be read.
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/commands.hpp"
#include "catalog/catalog.hpp"
#include "print/preflight.hpp"

namespace storyloom::app {

namespace {

struct PreflightOptions {
  std::string file;
  std::string kind = "auto";
  bool json = false;
};

int report_error(const core::Error& e, bool json) {
  if (json) std::cout << nlohmann::json{{"passed", false}, {"error", {{"code", e.code}, {"message", e.message}}}}.dump(2) << "\n";
  else std::cerr << "preflight: " << e.message << "\n";
  return 2;
}

int run_preflight(const PreflightOptions& o) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) return report_error({core::ErrorKind::not_found, "file_not_found", "cannot open " + o.file}, o.json);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string pdf = buffer.str();
  auto dir = catalog::find_catalog_dir();
  if (!dir) return report_error(dir.error(), o.json);
  auto cat = catalog::load_catalog(*dir);
  if (!cat) return report_error(cat.error(), o.json);
  auto kind = o.kind == "cover" ? core::Result<print::PdfKind>(print::PdfKind::cover)
              : o.kind == "interior" ? core::Result<print::PdfKind>(print::PdfKind::interior)
                                     : print::guess_pdf_kind(pdf);
  if (!kind) return report_error(kind.error(), o.json);
  const auto rules = *kind == print::PdfKind::cover ? print::cover_rules(cat->print) : print::interior_rules(cat->print);
  auto report = print::preflight_pdf(pdf, rules);
  if (!report) return report_error(report.error(), o.json);
  if (o.json) {
    auto j = report->to_json();
    j["file"] = o.file;
    j["kind"] = *kind == print::PdfKind::cover ? "cover" : "interior";
    std::cout << j.dump(2) << "\n";
  } else {
    double lowest = 0;
    for (const auto& i : report->images) lowest = lowest == 0 ? i.effective_ppi : std::min(lowest, i.effective_ppi);
    fmt::print("{} {} ({}, {} pages, {} fonts, {} images{})\n", report->passed() ? "PASS" : "FAIL", o.file,
               *kind == print::PdfKind::cover ? "cover" : "interior", report->page_count, report->fonts.size(),
               report->images.size(), report->images.empty() ? "" : fmt::format(", lowest {:.0f} ppi", lowest));
    for (const auto& f : report->failures) fmt::print("  - {}\n", f);
  }
  return report->passed() ? 0 : 1;
}

}  // namespace

void add_preflight_command(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<PreflightOptions>();
  auto* cmd = app.add_subcommand("preflight", "Check a book PDF for printing: boxes, fonts, image ppi, page count");
  cmd->add_option("file", opts->file, "PDF file")->required();
  cmd->add_option("--kind", opts->kind, "interior, cover or auto (a one-page wide PDF is a cover)")
      ->check(CLI::IsMember({"auto", "interior", "cover"}));
  cmd->add_flag("--json", opts->json, "Print the report as JSON");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_preflight(*opts); });
}

}  // namespace storyloom::app
