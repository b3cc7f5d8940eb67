-- The durable job queue (docs/jobs.md). One row per unit of work; workers claim a row with a
-- lease (lease_owner, lease_expires_at) and renew it while working. A row whose lease expired is
-- claimable again, so a worker killed mid-job loses nothing. `dedupe_key` makes enqueueing the
-- same step twice a no-op.
CREATE TABLE jobs (
  id                TEXT PRIMARY KEY,              -- core::new_id("job")
  kind              TEXT NOT NULL,                 -- handler name, e.g. "illustrate_page"
  payload           TEXT NOT NULL DEFAULT '{}',    -- JSON given to the handler
  dedupe_key        TEXT NOT NULL UNIQUE,          -- e.g. "illustrate_page:bk_x:r0:p3"
  subject_id        TEXT,                          -- what the job works on (a book id), for lookups
  state             TEXT NOT NULL,                 -- queued, running, succeeded, dead
  attempts          BIGINT  NOT NULL DEFAULT 0,    -- claims so far (a crashed attempt counts)
  max_attempts      BIGINT  NOT NULL,
  next_run_at       BIGINT  NOT NULL,              -- Unix seconds; not claimable before
  lease_owner       TEXT,                          -- worker id while running
  lease_expires_at  BIGINT,                       -- Unix seconds
  last_error        TEXT,                          -- JSON {code, message} of the last failure
  created_at        BIGINT  NOT NULL,
  updated_at        BIGINT  NOT NULL,
  finished_at       BIGINT                         -- when it became succeeded or dead
);
CREATE INDEX jobs_claimable ON jobs (state, next_run_at);
CREATE INDEX jobs_lease ON jobs (state, lease_expires_at);
CREATE INDEX jobs_subject ON jobs (subject_id);
CREATE INDEX jobs_finished ON jobs (finished_at);

-- One row per pipeline step run: what made a page, with which provider and brief version, how
-- long it took and how it ended. Read for progress estimates and for support questions.
CREATE TABLE generation_log (
  id            TEXT PRIMARY KEY,                  -- core::new_id("gl")
  at            BIGINT  NOT NULL,                  -- Unix seconds when the step ended
  job_id        TEXT,
  subject_id    TEXT,                              -- book id
  step          TEXT NOT NULL,                     -- job kind, e.g. "personalize_page"
  page          BIGINT,                           -- page number when the step is per page
  provider      TEXT NOT NULL DEFAULT '',          -- e.g. "template", "vector", "face-compositor"
  version       TEXT NOT NULL DEFAULT '',          -- brief/prompt version
  parameters    TEXT NOT NULL DEFAULT '{}',        -- JSON
  duration_ms   BIGINT  NOT NULL,
  outcome       TEXT NOT NULL,                     -- succeeded, failed, fell_back, skipped
  error         TEXT                               -- JSON {code, message} when not succeeded
);
CREATE INDEX generation_log_subject ON generation_log (subject_id, at);
CREATE INDEX generation_log_step ON generation_log (step, at);
