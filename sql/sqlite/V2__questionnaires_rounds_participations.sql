-- Questionnaire versions, audit rounds and participations, with the status history of both.
-- Times are UTC text (yyyy-MM-dd HH:mm:ss.fffffff), the shape Microsoft.Data.Sqlite writes.
-- row_version is bumped by every update, for optimistic concurrency (ETag / If-Match).

-- A questionnaire version is immutable: rows are only ever inserted. definition holds the JSON text exactly as
-- hashed, so content_hash can always be recomputed from it.
CREATE TABLE questionnaires (
    questionnaire_key  TEXT NOT NULL,
    version            TEXT NOT NULL,
    title              TEXT NOT NULL,
    language           TEXT NOT NULL,
    definition         TEXT NOT NULL,
    content_hash       TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    PRIMARY KEY (questionnaire_key, version)
);

CREATE TABLE rounds (
    id                     TEXT    NOT NULL PRIMARY KEY,
    title                  TEXT    NOT NULL,
    questionnaire_key      TEXT    NOT NULL,
    questionnaire_version  TEXT    NOT NULL,
    baseline_round_id      TEXT    NULL REFERENCES rounds (id),
    opens_at               TEXT    NOT NULL,
    closes_at              TEXT    NOT NULL,
    min_group_size         INTEGER NOT NULL,
    dominance_n            INTEGER NOT NULL,
    dominance_k            NUMERIC NOT NULL,
    status                 TEXT    NOT NULL,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    row_version            INTEGER NOT NULL DEFAULT 1,
    FOREIGN KEY (questionnaire_key, questionnaire_version) REFERENCES questionnaires (questionnaire_key, version)
);
CREATE INDEX ix_rounds_questionnaire ON rounds (questionnaire_key, questionnaire_version);
CREATE INDEX ix_rounds_baseline ON rounds (baseline_round_id);

CREATE TABLE round_status_changes (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    round_id     TEXT    NOT NULL REFERENCES rounds (id),
    from_status  TEXT    NOT NULL,
    to_status    TEXT    NOT NULL,
    changed_at   TEXT    NOT NULL,
    actor_id     TEXT    NULL
);
CREATE INDEX ix_round_status_changes_round ON round_status_changes (round_id);

CREATE TABLE participations (
    id              TEXT    NOT NULL PRIMARY KEY,
    round_id        TEXT    NOT NULL REFERENCES rounds (id),
    institution_id  TEXT    NOT NULL REFERENCES institutions (id),
    status          TEXT    NOT NULL,
    submitted_at    TEXT    NULL,
    accepted_at     TEXT    NULL,
    returned_at     TEXT    NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT ux_participations_round_institution UNIQUE (round_id, institution_id)
);
CREATE INDEX ix_participations_institution ON participations (institution_id);

CREATE TABLE participation_status_changes (
    id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    participation_id  TEXT    NOT NULL REFERENCES participations (id),
    from_status       TEXT    NOT NULL,
    to_status         TEXT    NOT NULL,
    changed_at        TEXT    NOT NULL,
    actor_id          TEXT    NULL
);
CREATE INDEX ix_participation_status_changes_participation ON participation_status_changes (participation_id);
