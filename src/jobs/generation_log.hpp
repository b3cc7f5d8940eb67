// The `generation_log` table: one row per pipeline step run (what made a page, with which
// provider and brief version, how long it took, how it ended). Also answers the mean step
// duration that progress estimates use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "sql/connection.hpp"

namespace storyloom::jobs {

struct GenerationEntry {
  std::string job_id;
  std::string subject_id;
  std::string step;                 // job kind
  std::optional<int> page;
  std::string provider;
  std::string version;              // brief/prompt version
  nlohmann::json parameters = nlohmann::json::object();
  std::int64_t duration_ms = 0;
  std::string outcome = "succeeded";  // succeeded, failed, fell_back, skipped
  std::optional<core::Error> error;
};

core::Result<void> record_generation(sql::Connection& conn, const core::Clock& clock, const GenerationEntry& entry);

core::Result<std::vector<GenerationEntry>> generation_entries_for(sql::Connection& conn, std::string_view subject_id);

// Mean duration (ms) of the last `window` successful runs of `step`; nullopt with no history.
core::Result<std::optional<double>> mean_step_duration_ms(sql::Connection& conn, std::string_view step,
                                                          int window = 50);

}  // namespace storyloom::jobs
