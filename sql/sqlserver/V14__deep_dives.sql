-- Issue 19, the qualitative deep-dive (bureau only, confidential).
-- The bureau's selection of institutions per round and institution type, with its rationale. Versioned so that two
-- analysts never overwrite each other (If-Match). institution_ids_json: a JSON array of institution ids, in the order chosen.
CREATE TABLE deep_dive_selections (
    round_id              nvarchar(64)  NOT NULL REFERENCES rounds (id),
    institution_type      nvarchar(32)  NOT NULL,
    institution_ids_json  nvarchar(max)       NOT NULL,
    rationale             nvarchar(max)       NOT NULL,
    version               int      NOT NULL,
    updated_by            nvarchar(64)  NOT NULL,
    updated_at            datetime2(7)  NOT NULL,
    PRIMARY KEY (round_id, institution_type)
);

-- Interviews and document studies at one selected institution. held_on is a calendar date, ISO text yyyy-MM-dd as
-- rounds.reference_date. roles_json: who was spoken to (roles, never names); notes_json: the notes, each with its themes.
CREATE TABLE deep_dive_records (
    id                 nvarchar(32)  NOT NULL PRIMARY KEY,
    round_id           nvarchar(64)  NOT NULL REFERENCES rounds (id),
    institution_type   nvarchar(32)  NOT NULL,
    institution_id     nvarchar(64)  NOT NULL,
    kind               nvarchar(32)  NOT NULL,
    held_on            nvarchar(10)  NOT NULL,
    roles_json         nvarchar(max)       NOT NULL,
    notes_json         nvarchar(max)       NOT NULL,
    notable_practices  nvarchar(max)       NULL,
    version            int      NOT NULL,
    updated_by         nvarchar(64)  NOT NULL,
    updated_at         datetime2(7)  NOT NULL
);

CREATE INDEX ix_deep_dive_records_sector ON deep_dive_records (round_id, institution_type, institution_id, held_on);
