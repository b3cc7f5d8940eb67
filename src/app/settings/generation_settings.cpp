// Settings of the generation service: the book rules, the job queue's retries and leases, and
// the periodic cleanup. See docs/books.md and docs/jobs.md.
#include "app/settings_registry.hpp"
#include "app/validators.hpp"

namespace storyloom::app {
namespace {

const RegisterSettings kGeneration{{
    {"books.preview_pages", "5", "Pages shown as watermarked previews before payment; the rest stay locked",
     integer_between(1, 20)},
    {"books.max_retries", "3", "How often a parent may retry a failed book", integer_between(0, 10)},
    {"books.max_regenerations", "3", "Page regenerations allowed per book", integer_between(0, 50)},
    {"books.preview_ttl_days", "7", "Days an unbought preview is kept before it expires", integer_between(1, 365)},
    {"jobs.lease_seconds", "60", "How long a worker holds a job without renewing; a dead worker's job waits this long",
     integer_between(5, 3600)},
    {"jobs.max_attempts", "5", "Tries per pipeline step before the book fails", integer_between(1, 20)},
    {"jobs.retry_base_seconds", "5", "First retry delay of a failed step (doubles each time, with jitter)",
     integer_between(0, 3600)},
    {"jobs.retry_max_seconds", "300", "Longest retry delay of a failed step", integer_between(0, 86400)},
    {"cleanup.interval_seconds", "3600", "How often the cleanup job runs", integer_between(60, 7 * 86400)},
    {"cleanup.photo_ttl_days", "30", "Days an original photo is kept when its book never became final",
     integer_between(1, 365)},
    {"cleanup.job_retention_days", "14", "Days finished job rows are kept", integer_between(1, 365)},
}};

}  // namespace
}  // namespace storyloom::app
