-- Commerce: orders, their items and status history, and every accepted payment webhook.
-- Money is integer minor units plus an ISO 4217 currency; times are Unix seconds.
CREATE TABLE orders (
  id                   TEXT PRIMARY KEY,              -- core::new_id("ord")
  user_id              TEXT NOT NULL,                 -- the buyer (accounts user or guest)
  book_id              TEXT NOT NULL,                 -- the book this order unlocks
  email                TEXT NOT NULL DEFAULT '',      -- where the download link is mailed
  status               TEXT NOT NULL,                 -- commerce::OrderStatus
  total_minor          BIGINT  NOT NULL,
  currency             TEXT NOT NULL,
  provider             TEXT NOT NULL,                 -- demo, stripe, shopify, ...
  provider_ref         TEXT,                          -- checkout session / shop order id
  provider_payment_ref TEXT,                          -- payment intent / charge id once known
  checkout_url         TEXT,
  idempotency_key      TEXT NOT NULL,                 -- sent to the provider; one per checkout attempt
  shipping_address     TEXT,                          -- JSON (printed products only)
  tracking             TEXT,                          -- JSON once a print partner ships
  created_at           BIGINT  NOT NULL,
  updated_at           BIGINT  NOT NULL
);
CREATE UNIQUE INDEX orders_idempotency ON orders (user_id, idempotency_key);
CREATE INDEX orders_user_created ON orders (user_id, created_at, id);
CREATE INDEX orders_book ON orders (book_id, created_at);
CREATE INDEX orders_provider_ref ON orders (provider, provider_ref);
CREATE INDEX orders_provider_payment_ref ON orders (provider, provider_payment_ref);

CREATE TABLE order_items (
  id               TEXT PRIMARY KEY,                  -- core::new_id("oi")
  order_id         TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position         BIGINT  NOT NULL,                  -- 0, 1, ... as listed on the order
  product_id       TEXT NOT NULL,                     -- catalog/products.json id
  kind             TEXT NOT NULL,                     -- digital_pdf, printed_hardcover, shipping, ...
  name             TEXT NOT NULL,
  quantity         BIGINT  NOT NULL,
  unit_price_minor BIGINT  NOT NULL,
  currency         TEXT NOT NULL
);
CREATE UNIQUE INDEX order_items_order ON order_items (order_id, position);

CREATE TABLE order_status_history (
  id        TEXT PRIMARY KEY,                         -- core::new_id("osh")
  order_id  TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  seq       BIGINT  NOT NULL,                         -- 1, 2, ... per order (same-second order)
  status    TEXT NOT NULL,
  at        BIGINT  NOT NULL,
  reason    TEXT NOT NULL DEFAULT ''                  -- e.g. "stripe evt_123"
);
CREATE UNIQUE INDEX order_status_history_order ON order_status_history (order_id, seq);

-- Every verified webhook, once. The unique (provider, event_id) makes a redelivery a no-op.
-- Rows whose processed_at is NULL are still owed processing (a crash loses nothing).
CREATE TABLE webhook_events (
  id           TEXT PRIMARY KEY,                      -- core::new_id("whe")
  provider     TEXT NOT NULL,
  event_id     TEXT NOT NULL,
  type         TEXT NOT NULL,                         -- normalized: paid, failed, refunded, cancelled, unknown
  raw_type     TEXT NOT NULL,                         -- the provider's own name
  order_id     TEXT,                                  -- our order, when the event names one
  event        TEXT NOT NULL,                         -- JSON of the normalized PaymentEvent
  payload      TEXT NOT NULL,                         -- the verified raw body, for the record
  received_at  BIGINT  NOT NULL,
  processed_at BIGINT ,
  outcome      TEXT                                   -- applied, ignored, no_change, rejected: ...
);
CREATE UNIQUE INDEX webhook_events_provider_event ON webhook_events (provider, event_id);
CREATE INDEX webhook_events_unprocessed ON webhook_events (processed_at, received_at);
