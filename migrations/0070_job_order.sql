-- The order workers claim jobs in (docs/jobs.md, "Claim order"):
-- * asked_at_ms: when the work this job belongs to was asked for (a book's creation, a webhook's
--   arrival), in milliseconds. Older work is claimed first, so twenty parents are served one
--   after another instead of all waiting for all twenty books.
-- * priority: within one piece of work, higher is claimed first. Book steps rank later steps
--   and earlier pages higher, so a page is personalized right after it is drawn and pages reach
--   the parent one by one, in page order.
-- * serial_key: jobs sharing one run one at a time, oldest first (a payment's webhooks are
--   applied in the order they arrived). NULL for jobs that may run side by side.
ALTER TABLE jobs ADD COLUMN asked_at_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN priority BIGINT NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN serial_key TEXT;
UPDATE jobs SET asked_at_ms = created_at * 1000;
CREATE INDEX jobs_claim_order ON jobs (state, asked_at_ms, priority);
CREATE INDEX jobs_serial ON jobs (serial_key, state);
