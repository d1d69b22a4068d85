-- 005: check-ins, encouragements, safety alerts and the audit log.

CREATE TABLE checkins (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    program_id     TEXT NOT NULL REFERENCES programs (id),
    participant_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    mood           INTEGER NOT NULL,
    energy         INTEGER,
    tags           TEXT NOT NULL,
    note           TEXT,
    who5           TEXT,
    who5_raw       INTEGER,
    phq4           TEXT,
    visibility     TEXT NOT NULL,
    group_id       TEXT REFERENCES peer_groups (id) ON DELETE SET NULL,
    in_crisis      INTEGER NOT NULL,
    safety_level   TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX checkins_participant ON checkins (participant_id, id);
CREATE INDEX checkins_program_participant ON checkins (program_id, participant_id, created_at);
CREATE INDEX checkins_group ON checkins (group_id, id);

CREATE TABLE encouragements (
    id         TEXT PRIMARY KEY,
    checkin_id TEXT NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    author_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message    TEXT NOT NULL,
    hidden     INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX encouragements_checkin ON encouragements (checkin_id, id);
CREATE INDEX encouragements_author ON encouragements (author_id);

CREATE TABLE alerts (
    id              TEXT PRIMARY KEY,
    program_id      TEXT NOT NULL REFERENCES programs (id),
    participant_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    level           TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    acknowledged_at INTEGER,
    acknowledged_by TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX alerts_participant ON alerts (participant_id);

CREATE TABLE alert_recipients (
    alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (alert_id, user_id)
);
CREATE INDEX alert_recipients_user ON alert_recipients (user_id, alert_id);

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor_id   TEXT,
    action     TEXT NOT NULL,
    subject_id TEXT,
    object_id  TEXT,
    request_id TEXT
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_subject ON audit_log (subject_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
