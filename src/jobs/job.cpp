#include "jobs/job.hpp"

#include <array>
#include <utility>

namespace storyloom::jobs {
namespace {
constexpr std::array kNames{std::pair{JobState::queued, "queued"}, std::pair{JobState::running, "running"},
                            std::pair{JobState::succeeded, "succeeded"}, std::pair{JobState::dead, "dead"}};
}

std::string_view to_string(JobState s) {
  for (auto [state, name] : kNames)
    if (state == s) return name;
  return "unknown";
}

std::optional<JobState> parse_job_state(std::string_view s) {
  for (auto [state, name] : kNames)
    if (name == s) return state;
  return std::nullopt;
}

}  // namespace storyloom::jobs
