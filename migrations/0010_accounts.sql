-- Accounts: users, sessions, single-use mailed tokens, external identities, children, credits.
-- Everything a user owns carries `owner_id` (see docs/accounts.md, "Ownership and claims").

-- A person or a guest. Guests have kind 'guest', no password and, once they check out, a
-- contact email in guest_email (not unique: it proves nothing until they claim it).
CREATE TABLE users (
  id             TEXT PRIMARY KEY,              -- core::new_id("us")
  kind           TEXT NOT NULL DEFAULT 'member', -- member | guest
  email          TEXT UNIQUE,                   -- normalized; NULL for guests
  guest_email    TEXT,                          -- contact given at a guest checkout
  password_hash  TEXT,                          -- argon2id encoded string; NULL for guests and external users
  role           TEXT NOT NULL DEFAULT 'customer', -- customer | admin
  display_name   TEXT NOT NULL DEFAULT '',
  created_at     BIGINT NOT NULL,
  updated_at     BIGINT NOT NULL,
  claimed_by     TEXT                           -- for a guest: the member who claimed it
);
CREATE INDEX users_guest_email ON users (guest_email);

-- Sessions: only the SHA-256 of the token is stored, so a leaked table opens no account.
CREATE TABLE sessions (
  id            TEXT PRIMARY KEY,               -- core::new_id("se")
  token_hash    TEXT NOT NULL UNIQUE,           -- hex SHA-256 of the bearer token
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    BIGINT NOT NULL,
  last_seen_at  BIGINT NOT NULL,
  expires_at    BIGINT NOT NULL,               -- absolute expiry
  ip            TEXT NOT NULL DEFAULT '',
  user_agent    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Single-use tokens sent by mail (password reset, guest claim). Hashed like sessions.
CREATE TABLE account_tokens (
  id          TEXT PRIMARY KEY,                 -- core::new_id("tk")
  token_hash  TEXT NOT NULL UNIQUE,
  purpose     TEXT NOT NULL,                    -- password_reset | guest_claim
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  subject_id  TEXT,                             -- guest_claim: the guest user to claim
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  used_at     BIGINT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id);

-- Identities at an external provider (JWT issuer + subject) linked to a local user.
CREATE TABLE external_identities (
  issuer      TEXT NOT NULL,
  subject     TEXT NOT NULL,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email       TEXT,
  created_at  BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identities_user ON external_identities (user_id);

CREATE TABLE children (
  id                TEXT PRIMARY KEY,           -- core::new_id("ch")
  owner_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  age               BIGINT,                    -- 1..12, or NULL when birth_date is given
  birth_date        TEXT,                       -- YYYY-MM-DD
  pronouns          TEXT NOT NULL,              -- she | he | they
  companion         TEXT NOT NULL DEFAULT '',
  favourite_colour  TEXT NOT NULL DEFAULT '',
  photo_id          TEXT,
  created_at        BIGINT NOT NULL,
  updated_at        BIGINT NOT NULL
);
CREATE INDEX children_owner ON children (owner_id, created_at);

-- Credits: an append-only ledger plus one balance row per user that makes consumption a single
-- conditional UPDATE (atomic on SQLite and PostgreSQL alike).
CREATE TABLE credit_entries (
  id          TEXT PRIMARY KEY,                 -- core::new_id("cr")
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  at          BIGINT NOT NULL,
  delta       BIGINT NOT NULL,                 -- + grant/purchase/refund, - consumption
  kind        TEXT NOT NULL,                    -- trial | purchase | consume | refund | grant
  reference   TEXT,                             -- generation id, order id ...
  balance_after BIGINT NOT NULL,
  seq         BIGINT NOT NULL                  -- per-user order, for stable cursors
);
CREATE UNIQUE INDEX credit_entries_user_seq ON credit_entries (user_id, seq);
-- One consumption and one refund per reference: refunds are idempotent by construction.
CREATE UNIQUE INDEX credit_entries_once ON credit_entries (user_id, kind, reference);

CREATE TABLE credit_balances (
  user_id   TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  balance   BIGINT NOT NULL CHECK (balance >= 0),
  last_seq  BIGINT NOT NULL DEFAULT 0
);
