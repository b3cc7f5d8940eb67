// Wiring of the generation service (jobs + books) for `serve`, `worker` and `cleanup`: the job
// registry with the book pipeline and the cleanup job, the queue and the worker pool. The book
// pipeline is registered only when every required port is given; without them the pool runs
// the other kinds and book jobs wait in the queue for a worker that has them.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "blob/store.hpp"
#include "books/book_service.hpp"
#include "books/cleanup.hpp"
#include "books/pipeline.hpp"
#include "core/clock.hpp"
#include "jobs/worker_pool.hpp"
#include "sql/database.hpp"

namespace storyloom::app {

struct GenerationOptions {
  int workers = 2;
  std::chrono::seconds lease{60};
  books::BookRules rules;
  books::CleanupPolicy cleanup;
  jobs::RetryPolicy step_policy{.max_attempts = 5, .base_delay = std::chrono::seconds{5},
                                .max_delay = std::chrono::seconds{300}};
};

struct Generation {
  jobs::HandlerRegistry registry;
  std::unique_ptr<books::Pipeline> pipeline;  // null when ports are missing
  std::unique_ptr<jobs::Queue> queue;
  std::unique_ptr<books::Cleanup> cleanup;
  std::unique_ptr<books::BookService> books;
  std::unique_ptr<jobs::WorkerPool> pool;
  std::vector<std::string> missing_ports;     // why the pipeline is not registered
  std::vector<std::function<void()>> on_start;  // run by start_generation (after migrations), before workers
};

// Lets other modules register their job kinds (commerce: process_webhook) once the queue and the
// book service exist, before the worker pool reads the registry's kinds.
using AddJobKinds = std::function<void(Generation&)>;

// `ports` may be null or incomplete (see Generation::missing_ports).
std::unique_ptr<Generation> build_generation(std::shared_ptr<sql::Database> db, blob::Store& blobs,
                                             const core::Clock& clock, const GenerationOptions& options,
                                             const books::PipelinePorts* ports,
                                             std::vector<books::CleanupHook> cleanup_hooks = {},
                                             const AddJobKinds& add_kinds = {});

// The options from configuration (docs/configuration.md: books.*, jobs.*, cleanup.*, workers).
GenerationOptions generation_options(const Config& config);

// Starts the worker pool and schedules the cleanup job (serve and worker).
void start_generation(Generation& generation);

// The names of required ports that are null.
std::vector<std::string> missing_pipeline_ports(const books::PipelinePorts* ports);

}  // namespace storyloom::app
