-- Collection and review: answers with their full history, evidence metadata, frozen submissions, reviews with
-- remarks per question, the bureau's findings, and the dirty marks that tell the aggregation what to recompute.
-- JSON is nvarchar(max), stored exactly as written so hashes over it stay reproducible.

-- The current answer per question. version grows by one with every change and never repeats for a key, not even
-- after a delete (a re-created answer continues after the highest version in answer_versions).
CREATE TABLE answers (
    participation_id  nvarchar(32)  NOT NULL REFERENCES participations (id),
    question_key      nvarchar(200) NOT NULL,
    value_json        nvarchar(max) NOT NULL,
    comment           nvarchar(max) NULL,
    prefilled         bit           NOT NULL DEFAULT 0,
    version           int           NOT NULL,
    updated_by        nvarchar(64)  NOT NULL,
    updated_at        datetime2(7)  NOT NULL,
    CONSTRAINT pk_answers PRIMARY KEY (participation_id, question_key)
);

-- Every version ever written; value_json NULL records a cleared answer.
CREATE TABLE answer_versions (
    id                bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    participation_id  nvarchar(32)  NOT NULL REFERENCES participations (id),
    question_key      nvarchar(200) NOT NULL,
    version           int           NOT NULL,
    value_json        nvarchar(max) NULL,
    comment           nvarchar(max) NULL,
    prefilled         bit           NOT NULL,
    changed_by        nvarchar(64)  NOT NULL,
    changed_at        datetime2(7)  NOT NULL,
    CONSTRAINT ux_answer_versions UNIQUE (participation_id, question_key, version)
);

-- The content lives in the evidence store, addressed by sha256; rows share content when files are equal.
CREATE TABLE evidence (
    id                nvarchar(32)  NOT NULL PRIMARY KEY,
    participation_id  nvarchar(32)  NOT NULL REFERENCES participations (id),
    question_key      nvarchar(200) NOT NULL,
    sha256            nvarchar(64)  NOT NULL,
    file_name         nvarchar(255) NOT NULL,
    content_type      nvarchar(100) NOT NULL,
    size_bytes        bigint        NOT NULL,
    uploaded_by       nvarchar(64)  NOT NULL,
    uploaded_at       datetime2(7)  NOT NULL
);
CREATE INDEX ix_evidence_participation ON evidence (participation_id, question_key);
CREATE INDEX ix_evidence_sha256 ON evidence (sha256);

-- number counts the submissions of one participation (1, 2, ...): a total order even when times tie.
CREATE TABLE submissions (
    id                nvarchar(32)  NOT NULL PRIMARY KEY,
    participation_id  nvarchar(32)  NOT NULL REFERENCES participations (id),
    number            int           NOT NULL,
    submitted_at      datetime2(7)  NOT NULL,
    submitted_by      nvarchar(64)  NOT NULL,
    content_hash      nvarchar(100) NOT NULL,
    snapshot_json     nvarchar(max) NOT NULL,
    CONSTRAINT ux_submissions_number UNIQUE (participation_id, number)
);

CREATE TABLE reviews (
    id                nvarchar(32)  NOT NULL PRIMARY KEY,
    participation_id  nvarchar(32)  NOT NULL REFERENCES participations (id),
    number            int           NOT NULL,
    decision          nvarchar(10)  NOT NULL CONSTRAINT ck_reviews_decision CHECK (decision IN ('return', 'accept')),
    summary           nvarchar(max) NULL,
    reviewed_by       nvarchar(64)  NOT NULL,
    reviewed_at       datetime2(7)  NOT NULL,
    CONSTRAINT ux_reviews_number UNIQUE (participation_id, number)
);

CREATE TABLE review_remarks (
    review_id     nvarchar(32)  NOT NULL REFERENCES reviews (id),
    question_key  nvarchar(200) NOT NULL,
    text          nvarchar(max) NOT NULL,
    CONSTRAINT pk_review_remarks PRIMARY KEY (review_id, question_key)
);

CREATE TABLE findings (
    participation_id  nvarchar(32)  NOT NULL PRIMARY KEY REFERENCES participations (id),
    findings_json     nvarchar(max) NOT NULL,
    summary           nvarchar(max) NULL,
    version           int           NOT NULL,
    updated_by        nvarchar(64)  NOT NULL,
    updated_at        datetime2(7)  NOT NULL
);

-- "This sector needs recomputing", written in the same transaction as the accept that causes it. seq changes with
-- every new mark and never repeats for a sector, so a job clears the mark only if nothing newer arrived meanwhile.
CREATE TABLE sector_dirty (
    round_id          nvarchar(64) NOT NULL REFERENCES rounds (id),
    institution_type  nvarchar(32) NOT NULL,
    seq               bigint       NOT NULL,
    marked_at         datetime2(7) NOT NULL,
    CONSTRAINT pk_sector_dirty PRIMARY KEY (round_id, institution_type)
);
GO

-- History and submissions are evidence of what happened: the database itself refuses to rewrite them.
CREATE TRIGGER tr_answer_versions_append_only ON answer_versions INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 51000, 'answer_versions is append-only', 1;
END;
GO

CREATE TRIGGER tr_submissions_append_only ON submissions INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 51000, 'submissions are append-only', 1;
END;
GO
