-- 004: mentor profiles (one per mentor role held in a program), participants' matching preferences,
-- mentorships and their meeting log.

CREATE TABLE mentor_profiles (
    id              TEXT PRIMARY KEY,
    program_id      TEXT NOT NULL REFERENCES programs (id),
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bio             TEXT,
    lived_experience TEXT NOT NULL,
    languages       TEXT NOT NULL,
    modes           TEXT NOT NULL,
    timezone        TEXT NOT NULL,
    capacity        INTEGER NOT NULL,
    certifications  TEXT NOT NULL,
    contact_window  TEXT,
    trained_animal  TEXT,
    status          TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (program_id, user_id)
);
CREATE INDEX mentor_profiles_program ON mentor_profiles (program_id, status, id);
CREATE INDEX mentor_profiles_user ON mentor_profiles (user_id);

CREATE TABLE participant_preferences (
    member_id        TEXT PRIMARY KEY REFERENCES program_members (id) ON DELETE CASCADE,
    lived_experience TEXT NOT NULL,
    languages        TEXT NOT NULL,
    mode             TEXT NOT NULL,
    timezone         TEXT,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE mentorships (
    id                   TEXT PRIMARY KEY,
    program_id           TEXT NOT NULL REFERENCES programs (id),
    mentor_id            TEXT NOT NULL REFERENCES mentor_profiles (id),
    mentor_user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    participant_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status               TEXT NOT NULL,
    message              TEXT,
    requested_by         TEXT REFERENCES users (id) ON DELETE SET NULL,
    reason               TEXT,
    mentor_agreed_to_continue      INTEGER NOT NULL DEFAULT 0,
    participant_agreed_to_continue INTEGER NOT NULL DEFAULT 0,
    started_at           INTEGER,
    ended_at             INTEGER,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
);
CREATE INDEX mentorships_mentor ON mentorships (mentor_id, status);
CREATE INDEX mentorships_mentor_user ON mentorships (mentor_user_id, status, id);
CREATE INDEX mentorships_participant ON mentorships (participant_id, status, id);
CREATE INDEX mentorships_program ON mentorships (program_id, status, id);

CREATE TABLE mentorship_meetings (
    id               TEXT PRIMARY KEY,
    mentorship_id    TEXT NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
    date             TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    mode             TEXT NOT NULL,
    note             TEXT,
    logged_by        TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at       INTEGER NOT NULL
);
CREATE INDEX mentorship_meetings_mentorship ON mentorship_meetings (mentorship_id, id);
