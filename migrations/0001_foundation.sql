-- Security-relevant events from every module (sign-ins, password changes, rejected webhooks,
-- refunds, role changes). Append-only; `storyloom audit` lists it.
CREATE TABLE audit_log (
  id          TEXT PRIMARY KEY,            -- core::new_id("au")
  at          INTEGER NOT NULL,            -- Unix seconds
  event       TEXT NOT NULL,               -- e.g. "signin_failed", "webhook_rejected"
  actor_id    TEXT,                        -- user id when known
  subject_id  TEXT,                        -- the object acted on, when there is one
  ip          TEXT,
  request_id  TEXT,
  details     TEXT NOT NULL DEFAULT '{}'   -- JSON
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_event ON audit_log (event, at);
