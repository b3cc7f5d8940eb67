-- Webhooks of one payment (docs/commerce.md, "Events of one payment"):
-- * series: the payment an event is about (commerce::payment_series, e.g. "stripe:pi_…"). Its
--   events are applied one at a time in arrival order; one that arrives before any order knows its
--   payment waits (outcome 'waiting') and is applied right after the payment binds to an order.
-- * arrival_ms: when it arrived, in milliseconds, so that events owed processing after a crash
--   are queued again in the order they came.
ALTER TABLE webhook_events ADD COLUMN series TEXT;
ALTER TABLE webhook_events ADD COLUMN arrival_ms BIGINT NOT NULL DEFAULT 0;
UPDATE webhook_events SET arrival_ms = received_at * 1000;
CREATE INDEX webhook_events_series ON webhook_events (series, outcome);
