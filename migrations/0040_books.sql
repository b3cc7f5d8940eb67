-- Books and their pages (docs/books.md). A book's status changes only along core::can_transition,
-- written with an optimistic `WHERE status = <old>`. `run` counts pipeline runs (a retry starts a
-- new one) and is part of every step's dedupe key.
CREATE TABLE books (
  id                  TEXT PRIMARY KEY,            -- core::new_id("bk")
  owner_id            TEXT NOT NULL,               -- user (or guest) id
  child               TEXT NOT NULL,               -- JSON snapshot {name, age, pronouns, ...}
  photo_id            TEXT,                        -- the original photo (faces/photos module)
  theme               TEXT NOT NULL,
  style               TEXT NOT NULL,
  seed                BIGINT  NOT NULL,
  title               TEXT,
  status              TEXT NOT NULL,               -- core::BookStatus
  failure_code        TEXT,
  failure_message     TEXT,
  retries_used        BIGINT  NOT NULL DEFAULT 0,
  regenerations_used  BIGINT  NOT NULL DEFAULT 0,
  run                 BIGINT  NOT NULL DEFAULT 0,
  credit_state        TEXT NOT NULL DEFAULT 'none', -- none, charged, refunded
  preview_pdf_key     TEXT,
  print_pdf_key       TEXT,
  photo_released      BIGINT  NOT NULL DEFAULT 0,  -- 1 once the original photo was deleted
  created_at          BIGINT  NOT NULL,
  updated_at          BIGINT  NOT NULL,
  status_changed_at   BIGINT  NOT NULL,
  preview_ready_at    BIGINT,
  paid_at             BIGINT,
  expires_at          BIGINT                       -- preview expiry unless bought
);
CREATE INDEX books_owner ON books (owner_id, created_at, id);
CREATE INDEX books_expiry ON books (status, expires_at);

CREATE TABLE book_pages (
  book_id                 TEXT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
  number                  BIGINT  NOT NULL,        -- 1..N
  text                    TEXT NOT NULL,
  brief                   TEXT NOT NULL,           -- JSON core::IllustrationBrief
  state                   TEXT NOT NULL,           -- written, illustrated, personalized
  base_image_key          TEXT,                    -- illustrator output (private)
  personalized_image_key  TEXT,                    -- with the child's face (private until paid)
  preview_image_key       TEXT,                    -- watermarked; only for preview pages
  final_image_key         TEXT,                    -- full resolution, after payment
  fell_back               BIGINT  NOT NULL DEFAULT 0,  -- personalization fell back to the base image
  fell_back_reason        TEXT,
  regenerations           BIGINT  NOT NULL DEFAULT 0,
  updated_at              BIGINT  NOT NULL,
  PRIMARY KEY (book_id, number)
);
