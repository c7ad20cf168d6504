-- Questionnaire versions, audit rounds and participations, with the status history of both.
-- row_version is bumped by every update, for optimistic concurrency (ETag / If-Match).

-- A questionnaire version is immutable: rows are only ever inserted. definition holds the JSON text exactly as
-- hashed (text, not jsonb, which would reorder keys), so content_hash can always be recomputed from it.
CREATE TABLE questionnaires (
    questionnaire_key  varchar(100) NOT NULL,
    version            varchar(32)  NOT NULL,
    title              varchar(300) NOT NULL,
    language           varchar(16)  NOT NULL,
    definition         text         NOT NULL,
    content_hash       varchar(100) NOT NULL,
    created_at         timestamptz  NOT NULL,
    PRIMARY KEY (questionnaire_key, version)
);

CREATE TABLE rounds (
    id                     varchar(64)  NOT NULL PRIMARY KEY,
    title                  varchar(200) NOT NULL,
    questionnaire_key      varchar(100) NOT NULL,
    questionnaire_version  varchar(32)  NOT NULL,
    baseline_round_id      varchar(64)  NULL REFERENCES rounds (id),
    opens_at               timestamptz  NOT NULL,
    closes_at              timestamptz  NOT NULL,
    min_group_size         integer      NOT NULL,
    dominance_n            integer      NOT NULL,
    dominance_k            numeric(6,3) NOT NULL,
    status                 varchar(20)  NOT NULL,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    row_version            integer      NOT NULL DEFAULT 1,
    FOREIGN KEY (questionnaire_key, questionnaire_version) REFERENCES questionnaires (questionnaire_key, version)
);
CREATE INDEX ix_rounds_questionnaire ON rounds (questionnaire_key, questionnaire_version);
CREATE INDEX ix_rounds_baseline ON rounds (baseline_round_id);

CREATE TABLE round_status_changes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id     varchar(64) NOT NULL REFERENCES rounds (id),
    from_status  varchar(20) NOT NULL,
    to_status    varchar(20) NOT NULL,
    changed_at   timestamptz NOT NULL,
    actor_id     varchar(64) NULL
);
CREATE INDEX ix_round_status_changes_round ON round_status_changes (round_id);

CREATE TABLE participations (
    id              varchar(32) NOT NULL PRIMARY KEY,
    round_id        varchar(64) NOT NULL REFERENCES rounds (id),
    institution_id  varchar(64) NOT NULL REFERENCES institutions (id),
    status          varchar(20) NOT NULL,
    submitted_at    timestamptz NULL,
    accepted_at     timestamptz NULL,
    returned_at     timestamptz NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    row_version     integer     NOT NULL DEFAULT 1,
    CONSTRAINT ux_participations_round_institution UNIQUE (round_id, institution_id)
);
CREATE INDEX ix_participations_institution ON participations (institution_id);

CREATE TABLE participation_status_changes (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participation_id  varchar(32) NOT NULL REFERENCES participations (id),
    from_status       varchar(20) NOT NULL,
    to_status         varchar(20) NOT NULL,
    changed_at        timestamptz NOT NULL,
    actor_id          varchar(64) NULL
);
CREATE INDEX ix_participation_status_changes_participation ON participation_status_changes (participation_id);
