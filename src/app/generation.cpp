#include "app/generation.hpp"

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
                                             std::vector<books::CleanupHook> cleanup_hooks) {
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
  g->pool = std::make_unique<jobs::WorkerPool>(*g->queue, g->registry, blobs,
                                               jobs::PoolOptions{.workers = options.workers, .lease = options.lease});
  g->queue->set_enqueue_listener([pool = g->pool.get()] { pool->wake(); });
  return g;
}

}  // namespace storyloom::app
