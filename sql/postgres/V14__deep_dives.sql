-- Issue 19, the qualitative deep-dive (bureau only, confidential).
-- The bureau's selection of institutions per round and institution type, with its rationale. Versioned so that two
-- analysts never overwrite each other (If-Match). institution_ids_json: a JSON array of institution ids, in the order chosen.
CREATE TABLE deep_dive_selections (
    round_id              varchar(64)  NOT NULL REFERENCES rounds (id),
    institution_type      varchar(32)  NOT NULL,
    institution_ids_json  text         NOT NULL,
    rationale             text         NOT NULL,
    version               integer      NOT NULL,
    updated_by            varchar(64)  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    PRIMARY KEY (round_id, institution_type)
);

-- Interviews and document studies at one selected institution. held_on is a calendar date, ISO text yyyy-MM-dd as
-- rounds.reference_date. roles_json: who was spoken to (roles, never names); notes_json: the notes, each with its themes.
CREATE TABLE deep_dive_records (
    id                 varchar(32)  NOT NULL PRIMARY KEY,
    round_id           varchar(64)  NOT NULL REFERENCES rounds (id),
    institution_type   varchar(32)  NOT NULL,
    institution_id     varchar(64)  NOT NULL,
    kind               varchar(32)  NOT NULL,
    held_on            varchar(10)  NOT NULL,
    roles_json         text         NOT NULL,
    notes_json         text         NOT NULL,
    notable_practices  text         NULL,
    version            integer      NOT NULL,
    updated_by         varchar(64)  NOT NULL,
    updated_at         timestamptz  NOT NULL
);

CREATE INDEX ix_deep_dive_records_sector ON deep_dive_records (round_id, institution_type, institution_id, held_on);
