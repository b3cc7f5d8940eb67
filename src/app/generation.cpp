#include "app/generation.hpp"

#include "core/log.hpp"

namespace storyloom::app {

std::vector<std::string> missing_pipeline_ports(const books::PipelinePorts* p) {
  if (!p) return {"story writer", "illustrator", "personalizer", "page art", "pdf assembler"};
  std::vector<std::string> missing;
  if (!p->writer) missing.emplace_back("story writer");
  if (!p->illustrator) missing.emplace_back("illustrator");
  if (!p->personalizer) missing.emplace_back("personalizer");
  if (!p->page_art) missing.emplace_back("page art");
  if (!p->pdf) missing.emplace_back("pdf assembler");
  return missing;
}

std::unique_ptr<Generation> build_generation(std::shared_ptr<sql::Database> db, blob::Store& blobs,
                                             const core::Clock& clock, const GenerationOptions& options,
                                             const books::PipelinePorts* ports,
                                             std::vector<books::CleanupHook> cleanup_hooks,
                                             const AddJobKinds& add_kinds) {
  auto g = std::make_unique<Generation>();
  g->missing_ports = missing_pipeline_ports(ports);
  if (g->missing_ports.empty()) {
    g->pipeline = std::make_unique<books::Pipeline>(*ports, options.rules, clock, options.step_policy);
    g->pipeline->register_steps(g->registry);
  }
  // Cleanup needs the queue, so its kind is registered after the queue exists; its jobs then
  // carry the queue's default max_attempts, which is what they need.
  g->queue = std::make_unique<jobs::Queue>(db, clock, g->registry.policies());
  g->cleanup = std::make_unique<books::Cleanup>(db, blobs, *g->queue, clock, options.cleanup,
                                                ports ? ports->photos : nullptr, std::move(cleanup_hooks));
  g->cleanup->register_job(g->registry);
  g->books = std::make_unique<books::BookService>(db, blobs, *g->queue, clock, options.rules,
                                                 ports ? ports->credits : nullptr);
  if (add_kinds) add_kinds(*g);
  g->pool = std::make_unique<jobs::WorkerPool>(*g->queue, g->registry, blobs,
                                               jobs::PoolOptions{.workers = options.workers, .lease = options.lease});
  g->queue->set_enqueue_listener([pool = g->pool.get()] { pool->wake(); });
  return g;
}

GenerationOptions generation_options(const Config& config) {
  const auto& s = config.settings;
  const auto days = [](std::int64_t n) { return std::chrono::seconds{n * 24 * 3600}; };
  GenerationOptions o;
  o.workers = config.workers;
  o.lease = std::chrono::seconds{s.integer("jobs.lease_seconds")};
  o.rules.preview_pages = static_cast<int>(s.integer("books.preview_pages"));
  o.rules.max_retries = static_cast<int>(s.integer("books.max_retries"));
  o.rules.max_regenerations = static_cast<int>(s.integer("books.max_regenerations"));
  o.rules.preview_ttl = days(s.integer("books.preview_ttl_days"));
  o.rules.parallel_workers = std::max(1, config.workers);
  o.step_policy = {.max_attempts = static_cast<int>(s.integer("jobs.max_attempts")),
                   .base_delay = std::chrono::seconds{s.integer("jobs.retry_base_seconds")},
                   .max_delay = std::chrono::seconds{s.integer("jobs.retry_max_seconds")}};
  o.cleanup = {.photo_ttl = days(s.integer("cleanup.photo_ttl_days")),
               .job_retention = days(s.integer("cleanup.job_retention_days")),
               .interval = std::chrono::seconds{s.integer("cleanup.interval_seconds")}};
  return o;
}

void start_generation(Generation& g) {
  if (!g.missing_ports.empty())
    core::log_warn("book_pipeline_unavailable",
                   {{"missing_ports", g.missing_ports},
                    {"message", "book steps are not run by these workers; they wait in the queue"}});
  if (auto scheduled = g.cleanup->schedule(); !scheduled)
    core::log_error("cleanup_schedule_failed", {{"code", scheduled.error().code}, {"message", scheduled.error().message}});
  for (const auto& hook : g.on_start) hook();
  g.pool->start();
  core::log_info("workers_started", {{"kinds", g.registry.kinds()}});
}

}  // namespace storyloom::app
