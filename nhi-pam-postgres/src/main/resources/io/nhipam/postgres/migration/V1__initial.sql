-- nhi-pam PostgreSQL schema, version 1. ${schema} is replaced by the schema name (an identifier
-- of lower-case letters, digits and underscores). Statements end with a semicolon at line end.

-- Revocations shared by every JVM: one row per revoked credential, lease or identity.
-- seq is a change number: every insert or update takes the next value, under an advisory lock
-- held until commit, so seq values become visible in increasing order and a reader that has
-- seen seq N has seen every change up to N.
CREATE SEQUENCE ${schema}.revocation_seq;
CREATE TABLE ${schema}.revocations (
  kind        text        NOT NULL CHECK (kind IN ('credential', 'lease', 'identity')),
  target      text        NOT NULL CHECK (length(target) BETWEEN 1 AND 512),
  epoch       bigint      NOT NULL DEFAULT 0,
  expires_at  timestamptz,
  seq         bigint      NOT NULL,
  revoked_at  timestamptz NOT NULL,
  revoked_by  text        NOT NULL,
  PRIMARY KEY (kind, target),
  CHECK ((kind = 'identity') = (expires_at IS NULL))
);
CREATE UNIQUE INDEX revocations_by_seq ON ${schema}.revocations (seq);
CREATE INDEX revocations_by_expiry ON ${schema}.revocations (expires_at) WHERE expires_at IS NOT NULL;

-- The audit chain: one row per record line, exactly as a chained file would hold it.
CREATE TABLE ${schema}.audit_log (
  seq           bigint      PRIMARY KEY,
  line          text        NOT NULL,
  hash          text        NOT NULL,
  type          text        NOT NULL,
  event_time    timestamptz NOT NULL,
  identity_id   text,
  credential_id text,
  writer        text        NOT NULL
);
CREATE INDEX audit_log_by_identity ON ${schema}.audit_log (identity_id, event_time);

-- The chain head: a single row locked by each append, so concurrent writers cannot fork it.
CREATE TABLE ${schema}.audit_head (
  id                      int    PRIMARY KEY CHECK (id = 1),
  seq                     bigint NOT NULL,
  hash                    text   NOT NULL,
  events_since_checkpoint bigint NOT NULL
);
INSERT INTO ${schema}.audit_head (id, seq, hash, events_since_checkpoint)
  VALUES (1, 0, repeat('0', 64), 0);

-- Leases (credential and secret), projected from audit events in the audit row's transaction.
CREATE TABLE ${schema}.leases (
  lease_id        text        PRIMARY KEY,
  identity_id     text        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('credential', 'secret')),
  secret_name     text,
  fingerprint     text,
  credential_id   text,
  opened_at       timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  renewals        integer     NOT NULL DEFAULT 0,
  last_renewed_at timestamptz,
  owner_jvm       text        NOT NULL,
  closed_at       timestamptz,
  closed_by       text,
  close_reason    text        CHECK (close_reason IN ('closed', 'killed'))
);
CREATE INDEX leases_open_by_expiry ON ${schema}.leases (expires_at) WHERE closed_at IS NULL;

-- Identity inventory: owners from the policy, use and mint times from audit events.
CREATE TABLE ${schema}.identities (
  identity_id     text        PRIMARY KEY,
  kind            text,
  owner           text,
  first_seen_at   timestamptz NOT NULL,
  last_minted_at  timestamptz,
  last_used_at    timestamptz,
  last_revoked_at timestamptz
);

-- Credentials minted anywhere in the fleet, for live counts per identity.
CREATE TABLE ${schema}.credentials (
  credential_id text        PRIMARY KEY,
  identity_id   text        NOT NULL,
  lease_id      text,
  issued_at     timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz
);
CREATE INDEX credentials_live_by_identity ON ${schema}.credentials (identity_id) WHERE revoked_at IS NULL;
CREATE INDEX credentials_by_lease ON ${schema}.credentials (lease_id) WHERE lease_id IS NOT NULL;
CREATE INDEX credentials_by_expiry ON ${schema}.credentials (expires_at);
