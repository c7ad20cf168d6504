-- Questionnaire versions, audit rounds and participations, with the status history of both.
-- row_version is bumped by every update, for optimistic concurrency (ETag / If-Match); it is a plain int
-- (not the rowversion type) so that all three engines expose the same number.

-- A questionnaire version is immutable: rows are only ever inserted. definition holds the JSON text exactly as
-- hashed, so content_hash can always be recomputed from it.
CREATE TABLE questionnaires (
    questionnaire_key  nvarchar(100) NOT NULL,
    version            nvarchar(32)  NOT NULL,
    title              nvarchar(300) NOT NULL,
    language           nvarchar(16)  NOT NULL,
    definition         nvarchar(max) NOT NULL,
    content_hash       nvarchar(100) NOT NULL,
    created_at         datetime2(7)  NOT NULL,
    CONSTRAINT pk_questionnaires PRIMARY KEY (questionnaire_key, version)
);

CREATE TABLE rounds (
    id                     nvarchar(64)  NOT NULL PRIMARY KEY,
    title                  nvarchar(200) NOT NULL,
    questionnaire_key      nvarchar(100) NOT NULL,
    questionnaire_version  nvarchar(32)  NOT NULL,
    baseline_round_id      nvarchar(64)  NULL REFERENCES rounds (id),
    opens_at               datetime2(7)  NOT NULL,
    closes_at              datetime2(7)  NOT NULL,
    min_group_size         int           NOT NULL,
    dominance_n            int           NOT NULL,
    dominance_k            decimal(6,3)  NOT NULL,
    status                 nvarchar(20)  NOT NULL,
    created_at             datetime2(7)  NOT NULL,
    updated_at             datetime2(7)  NOT NULL,
    row_version            int           NOT NULL DEFAULT 1,
    CONSTRAINT fk_rounds_questionnaire FOREIGN KEY (questionnaire_key, questionnaire_version)
        REFERENCES questionnaires (questionnaire_key, version)
);
CREATE INDEX ix_rounds_questionnaire ON rounds (questionnaire_key, questionnaire_version);
CREATE INDEX ix_rounds_baseline ON rounds (baseline_round_id);

CREATE TABLE round_status_changes (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    round_id     nvarchar(64) NOT NULL REFERENCES rounds (id),
    from_status  nvarchar(20) NOT NULL,
    to_status    nvarchar(20) NOT NULL,
    changed_at   datetime2(7) NOT NULL,
    actor_id     nvarchar(64) NULL
);
CREATE INDEX ix_round_status_changes_round ON round_status_changes (round_id);

CREATE TABLE participations (
    id              nvarchar(32) NOT NULL PRIMARY KEY,
    round_id        nvarchar(64) NOT NULL REFERENCES rounds (id),
    institution_id  nvarchar(64) NOT NULL REFERENCES institutions (id),
    status          nvarchar(20) NOT NULL,
    submitted_at    datetime2(7) NULL,
    accepted_at     datetime2(7) NULL,
    returned_at     datetime2(7) NULL,
    created_at      datetime2(7) NOT NULL,
    updated_at      datetime2(7) NOT NULL,
    row_version     int          NOT NULL DEFAULT 1,
    CONSTRAINT ux_participations_round_institution UNIQUE (round_id, institution_id)
);
CREATE INDEX ix_participations_institution ON participations (institution_id);

CREATE TABLE participation_status_changes (
    id                bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    participation_id  nvarchar(32) NOT NULL REFERENCES participations (id),
    from_status       nvarchar(20) NOT NULL,
    to_status         nvarchar(20) NOT NULL,
    changed_at        datetime2(7) NOT NULL,
    actor_id          nvarchar(64) NULL
);
CREATE INDEX ix_participation_status_changes_participation ON participation_status_changes (participation_id);
