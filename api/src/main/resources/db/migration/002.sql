-- 002: pet-friendly venues, with an R*Tree over their coordinates and an FTS5 index over their text.
-- seq is an explicit INTEGER PRIMARY KEY so the rowids the two indexes point at survive VACUUM.

CREATE TABLE venues (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    program_id          TEXT REFERENCES programs (id),
    name                TEXT NOT NULL,
    description         TEXT,
    address_line1       TEXT NOT NULL,
    address_line2       TEXT,
    city                TEXT NOT NULL,
    region              TEXT,
    postal_code         TEXT,
    country             TEXT NOT NULL,
    latitude            REAL NOT NULL,
    longitude           REAL NOT NULL,
    timezone            TEXT NOT NULL,
    capacity            INTEGER,
    spaces              TEXT NOT NULL,
    step_free_entrance  INTEGER NOT NULL,
    accessible_restroom INTEGER NOT NULL,
    accessible_parking  INTEGER NOT NULL,
    hearing_loop        INTEGER NOT NULL,
    contact             TEXT,
    status              TEXT NOT NULL,
    esa_policy          TEXT NOT NULL,
    pets_dog            INTEGER NOT NULL,
    pets_cat            INTEGER NOT NULL,
    pets_other          INTEGER NOT NULL,
    animal_free_room    INTEGER NOT NULL,
    animal_policy       TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX venues_status_id ON venues (status, id);
CREATE INDEX venues_program ON venues (program_id, id);

CREATE VIRTUAL TABLE venue_locations USING rtree (venue_seq, min_lat, max_lat, min_lon, max_lon);

CREATE VIRTUAL TABLE venue_search USING fts5 (name, description, city, tokenize = 'unicode61 remove_diacritics 2');
