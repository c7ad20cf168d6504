-- Issue 19, the qualitative deep-dive (bureau only, confidential).
-- The bureau's selection of institutions per round and institution type, with its rationale. Versioned so that two
-- analysts never overwrite each other (If-Match). institution_ids_json: a JSON array of institution ids, in the order chosen.
CREATE TABLE deep_dive_selections (
    round_id              TEXT  NOT NULL REFERENCES rounds (id),
    institution_type      TEXT  NOT NULL,
    institution_ids_json  TEXT         NOT NULL,
    rationale             TEXT         NOT NULL,
    version               INTEGER      NOT NULL,
    updated_by            TEXT  NOT NULL,
    updated_at            TEXT  NOT NULL,
    PRIMARY KEY (round_id, institution_type)
);

-- Interviews and document studies at one selected institution. held_on is a calendar date, ISO TEXT yyyy-MM-dd as
-- rounds.reference_date. roles_json: who was spoken to (roles, never names); notes_json: the notes, each with its themes.
CREATE TABLE deep_dive_records (
    id                 TEXT  NOT NULL PRIMARY KEY,
    round_id           TEXT  NOT NULL REFERENCES rounds (id),
    institution_type   TEXT  NOT NULL,
    institution_id     TEXT  NOT NULL,
    kind               TEXT  NOT NULL,
    held_on            TEXT  NOT NULL,
    roles_json         TEXT         NOT NULL,
    notes_json         TEXT         NOT NULL,
    notable_practices  TEXT         NULL,
    version            INTEGER      NOT NULL,
    updated_by         TEXT  NOT NULL,
    updated_at         TEXT  NOT NULL
);

CREATE INDEX ix_deep_dive_records_sector ON deep_dive_records (round_id, institution_type, institution_id, held_on);
