-- Collection and review: answers with their full history, evidence metadata, frozen submissions, reviews with
-- remarks per question, the bureau's findings, and the dirty marks that tell the aggregation what to recompute.
-- JSON is text, not jsonb (which would reorder keys), stored exactly as written so hashes over it stay reproducible.

-- The current answer per question. version grows by one with every change and never repeats for a key, not even
-- after a delete (a re-created answer continues after the highest version in answer_versions).
CREATE TABLE answers (
    participation_id  varchar(32)  NOT NULL REFERENCES participations (id),
    question_key      varchar(200) NOT NULL,
    value_json        text         NOT NULL,
    comment           text         NULL,
    prefilled         boolean      NOT NULL DEFAULT false,
    version           integer      NOT NULL,
    updated_by        varchar(64)  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    PRIMARY KEY (participation_id, question_key)
);

-- Every version ever written; value_json NULL records a cleared answer.
CREATE TABLE answer_versions (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participation_id  varchar(32)  NOT NULL REFERENCES participations (id),
    question_key      varchar(200) NOT NULL,
    version           integer      NOT NULL,
    value_json        text         NULL,
    comment           text         NULL,
    prefilled         boolean      NOT NULL,
    changed_by        varchar(64)  NOT NULL,
    changed_at        timestamptz  NOT NULL,
    CONSTRAINT ux_answer_versions UNIQUE (participation_id, question_key, version)
);

-- The content lives in the evidence store, addressed by sha256; rows share content when files are equal.
CREATE TABLE evidence (
    id                varchar(32)  NOT NULL PRIMARY KEY,
    participation_id  varchar(32)  NOT NULL REFERENCES participations (id),
    question_key      varchar(200) NOT NULL,
    sha256            varchar(64)  NOT NULL,
    file_name         varchar(255) NOT NULL,
    content_type      varchar(100) NOT NULL,
    size_bytes        bigint       NOT NULL,
    uploaded_by       varchar(64)  NOT NULL,
    uploaded_at       timestamptz  NOT NULL
);
CREATE INDEX ix_evidence_participation ON evidence (participation_id, question_key);
CREATE INDEX ix_evidence_sha256 ON evidence (sha256);

-- number counts the submissions of one participation (1, 2, ...): a total order even when times tie.
CREATE TABLE submissions (
    id                varchar(32)  NOT NULL PRIMARY KEY,
    participation_id  varchar(32)  NOT NULL REFERENCES participations (id),
    number            integer      NOT NULL,
    submitted_at      timestamptz  NOT NULL,
    submitted_by      varchar(64)  NOT NULL,
    content_hash      varchar(100) NOT NULL,
    snapshot_json     text         NOT NULL,
    CONSTRAINT ux_submissions_number UNIQUE (participation_id, number)
);

CREATE TABLE reviews (
    id                varchar(32)  NOT NULL PRIMARY KEY,
    participation_id  varchar(32)  NOT NULL REFERENCES participations (id),
    number            integer      NOT NULL,
    decision          varchar(10)  NOT NULL CHECK (decision IN ('return', 'accept')),
    summary           text         NULL,
    reviewed_by       varchar(64)  NOT NULL,
    reviewed_at       timestamptz  NOT NULL,
    CONSTRAINT ux_reviews_number UNIQUE (participation_id, number)
);

CREATE TABLE review_remarks (
    review_id     varchar(32)  NOT NULL REFERENCES reviews (id),
    question_key  varchar(200) NOT NULL,
    text          text         NOT NULL,
    PRIMARY KEY (review_id, question_key)
);

CREATE TABLE findings (
    participation_id  varchar(32) NOT NULL PRIMARY KEY REFERENCES participations (id),
    findings_json     text        NOT NULL,
    summary           text        NULL,
    version           integer     NOT NULL,
    updated_by        varchar(64) NOT NULL,
    updated_at        timestamptz NOT NULL
);

-- "This sector needs recomputing", written in the same transaction as the accept that causes it. seq changes with
-- every new mark and never repeats for a sector, so a job clears the mark only if nothing newer arrived meanwhile.
CREATE TABLE sector_dirty (
    round_id          varchar(64) NOT NULL REFERENCES rounds (id),
    institution_type  varchar(32) NOT NULL,
    seq               bigint      NOT NULL,
    marked_at         timestamptz NOT NULL,
    PRIMARY KEY (round_id, institution_type)
);

-- History and submissions are evidence of what happened: the database itself refuses to rewrite them.
CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER tr_answer_versions_append_only BEFORE UPDATE OR DELETE ON answer_versions
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER tr_submissions_append_only BEFORE UPDATE OR DELETE ON submissions
    FOR EACH ROW EXECUTE FUNCTION append_only();
