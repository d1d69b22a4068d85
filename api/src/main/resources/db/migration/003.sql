-- 003: peer-led groups, their members and facilitators, and per-session overrides, RSVPs and attendance.
-- Sessions are the occurrences of a group's schedule; a session is stored only once something happens to
-- it, keyed by the group and the instant the schedule put it at (occurrence_at, epoch milliseconds).
-- "groups" is an SQL keyword, hence peer_groups.

CREATE TABLE peer_groups (
    seq                    INTEGER PRIMARY KEY,
    id                     TEXT NOT NULL UNIQUE,
    program_id             TEXT NOT NULL REFERENCES programs (id),
    slug                   TEXT NOT NULL UNIQUE,
    name                   TEXT NOT NULL,
    description            TEXT,
    topics                 TEXT NOT NULL,
    languages              TEXT NOT NULL,
    format                 TEXT NOT NULL,
    venue_id               TEXT REFERENCES venues (id),
    conference_url         TEXT,
    conference_notes       TEXT,
    publish_conference_url INTEGER NOT NULL,
    membership_policy      TEXT NOT NULL,
    capacity_in_person     INTEGER,
    capacity_online        INTEGER,
    timezone               TEXT NOT NULL,
    rrule                  TEXT NOT NULL,
    start_date             TEXT NOT NULL,
    start_time             TEXT NOT NULL,
    duration_minutes       INTEGER NOT NULL,
    exception_dates        TEXT NOT NULL,
    weekdays               INTEGER NOT NULL,
    status                 TEXT NOT NULL,
    pets_welcome_online    INTEGER NOT NULL,
    animals_present        INTEGER NOT NULL,
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL
);
CREATE INDEX peer_groups_program ON peer_groups (program_id, id);
CREATE INDEX peer_groups_venue ON peer_groups (venue_id);
CREATE INDEX peer_groups_status ON peer_groups (status, id);

CREATE TABLE group_facilitators (
    group_id TEXT NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_facilitators_user ON group_facilitators (user_id, group_id);

CREATE TABLE group_members (
    id         TEXT PRIMARY KEY,
    group_id   TEXT NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id, status, group_id);
CREATE INDEX group_members_group ON group_members (group_id, id);

CREATE TABLE session_overrides (
    group_id      TEXT NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    occurrence_at INTEGER NOT NULL,
    status        TEXT NOT NULL,
    starts_at     INTEGER NOT NULL,
    ends_at       INTEGER NOT NULL,
    note          TEXT,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (group_id, occurrence_at)
);

CREATE TABLE rsvps (
    seq           INTEGER PRIMARY KEY,
    group_id      TEXT NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    occurrence_at INTEGER NOT NULL,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    mode          TEXT NOT NULL,
    status        TEXT NOT NULL,
    queued_at     INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (group_id, occurrence_at, user_id)
);
CREATE INDEX rsvps_session ON rsvps (group_id, occurrence_at, mode, status, queued_at, seq);

CREATE TABLE attendance (
    group_id      TEXT NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    occurrence_at INTEGER NOT NULL,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status        TEXT NOT NULL,
    recorded_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    recorded_at   INTEGER NOT NULL,
    PRIMARY KEY (group_id, occurrence_at, user_id)
);
