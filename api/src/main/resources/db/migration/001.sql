-- 001: accounts, tokens, programs, program roles, invitations, idempotency keys.
-- Timestamps are epoch milliseconds (UTC); lists of codes are JSON arrays.

CREATE TABLE kindred_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id               TEXT PRIMARY KEY,
    email            TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    password_hash    TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    is_admin         INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE refresh_tokens (
    id         TEXT PRIMARY KEY,
    family_id  TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    rotated_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE programs (
    id                TEXT PRIMARY KEY,
    slug              TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    description       TEXT,
    organization_name TEXT NOT NULL,
    contact_email     TEXT,
    website           TEXT,
    focus_areas       TEXT NOT NULL,
    delivery_modes    TEXT NOT NULL,
    country           TEXT NOT NULL,
    timezone          TEXT NOT NULL,
    status            TEXT NOT NULL,
    enrollment        TEXT NOT NULL,
    crisis_lines      TEXT NOT NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX programs_status ON programs (status, id);

CREATE TABLE program_members (
    id                TEXT PRIMARY KEY,
    program_id        TEXT NOT NULL REFERENCES programs (id),
    user_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role              TEXT NOT NULL,
    enrollment_status TEXT,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    UNIQUE (program_id, user_id, role)
);
CREATE INDEX program_members_user ON program_members (user_id, program_id, role);
CREATE INDEX program_members_program_role ON program_members (program_id, role, id);

CREATE TABLE invitations (
    id          TEXT PRIMARY KEY,
    program_id  TEXT NOT NULL REFERENCES programs (id),
    role        TEXT NOT NULL,
    code_hash   TEXT NOT NULL UNIQUE,
    created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    expires_at  INTEGER NOT NULL,
    redeemed_at INTEGER,
    redeemed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    revoked_at  INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX invitations_program ON invitations (program_id, id);

CREATE TABLE idempotency_keys (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL,
    location     TEXT,
    body         BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
