#include "jobs/generation_log.hpp"

#include "core/ids.hpp"

namespace storyloom::jobs {

core::Result<void> record_generation(sql::Connection& conn, const core::Clock& clock, const GenerationEntry& e) {
  sql::Value error = nullptr;
  if (e.error) error = nlohmann::json{{"code", e.error->code}, {"message", e.error->message}}.dump();
  auto n = conn.execute(
      "INSERT INTO generation_log (id, at, job_id, subject_id, step, page, provider, version, parameters, "
      "duration_ms, outcome, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      {core::new_id("gl"), clock.unix_seconds(), e.job_id.empty() ? sql::Value{nullptr} : sql::Value{e.job_id},
       e.subject_id.empty() ? sql::Value{nullptr} : sql::Value{e.subject_id}, e.step,
       e.page ? sql::Value{std::int64_t{*e.page}} : sql::Value{nullptr}, e.provider, e.version,
       e.parameters.dump(), e.duration_ms, e.outcome, error});
  if (!n) return std::unexpected(n.error());
  return {};
}

core::Result<std::vector<GenerationEntry>> generation_entries_for(sql::Connection& conn,
                                                                  std::string_view subject_id) {
  auto rows = conn.query("SELECT * FROM generation_log WHERE subject_id = $1 ORDER BY at, id",
                         {std::string(subject_id)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<GenerationEntry> out;
  for (const auto& r : *rows) {
    GenerationEntry e;
    e.job_id = r.optional_text("job_id").value_or("");
    e.subject_id = r.optional_text("subject_id").value_or("");
    e.step = r.text("step");
    if (auto p = r.optional_integer("page")) e.page = static_cast<int>(*p);
    e.provider = r.text("provider");
    e.version = r.text("version");
    e.parameters = nlohmann::json::parse(r.text("parameters"), nullptr, false);
    e.duration_ms = r.integer("duration_ms");
    e.outcome = r.text("outcome");
    if (auto err = r.optional_text("error")) {
      auto j = nlohmann::json::parse(*err, nullptr, false);
      e.error = core::Error{core::ErrorKind::internal, j.value("code", ""), j.value("message", "")};
    }
    out.push_back(std::move(e));
  }
  return out;
}

core::Result<std::optional<double>> mean_step_duration_ms(sql::Connection& conn, std::string_view step, int window) {
  auto row = conn.query_one(
      "SELECT CAST(AVG(duration_ms) AS DOUBLE PRECISION) AS mean, COUNT(*) AS n FROM (SELECT duration_ms FROM generation_log WHERE step = $1 "
      "AND outcome IN ('succeeded', 'fell_back') ORDER BY at DESC LIMIT $2) recent",
      {std::string(step), std::int64_t{window}});
  if (!row) return std::unexpected(row.error());
  if (!row->has_value() || (*row)->integer("n") == 0) return std::optional<double>{};
  return std::optional<double>{(*row)->real("mean")};
}

}  // namespace storyloom::jobs
