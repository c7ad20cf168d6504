-- Collection and review: answers with their full history, evidence metadata, frozen submissions, reviews with
-- remarks per question, the bureau's findings, and the dirty marks that tell the aggregation what to recompute.
-- Times are UTC text (yyyy-MM-dd HH:mm:ss.fffffff), the shape Microsoft.Data.Sqlite writes.
-- JSON is stored as text exactly as written, never re-serialised, so hashes over it stay reproducible.

-- The current answer per question. version grows by one with every change and never repeats for a key, not even
-- after a delete (a re-created answer continues after the highest version in answer_versions).
CREATE TABLE answers (
    participation_id  TEXT    NOT NULL REFERENCES participations (id),
    question_key      TEXT    NOT NULL,
    value_json        TEXT    NOT NULL,
    comment           TEXT    NULL,
    prefilled         INTEGER NOT NULL DEFAULT 0,
    version           INTEGER NOT NULL,
    updated_by        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    PRIMARY KEY (participation_id, question_key)
);

-- Every version ever written; value_json NULL records a cleared answer.
CREATE TABLE answer_versions (
    id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    participation_id  TEXT    NOT NULL REFERENCES participations (id),
    question_key      TEXT    NOT NULL,
    version           INTEGER NOT NULL,
    value_json        TEXT    NULL,
    comment           TEXT    NULL,
    prefilled         INTEGER NOT NULL,
    changed_by        TEXT    NOT NULL,
    changed_at        TEXT    NOT NULL,
    CONSTRAINT ux_answer_versions UNIQUE (participation_id, question_key, version)
);

-- The content lives in the evidence store, addressed by sha256; rows share content when files are equal.
CREATE TABLE evidence (
    id                TEXT    NOT NULL PRIMARY KEY,
    participation_id  TEXT    NOT NULL REFERENCES participations (id),
    question_key      TEXT    NOT NULL,
    sha256            TEXT    NOT NULL,
    file_name         TEXT    NOT NULL,
    content_type      TEXT    NOT NULL,
    size_bytes        INTEGER NOT NULL,
    uploaded_by       TEXT    NOT NULL,
    uploaded_at       TEXT    NOT NULL
);
CREATE INDEX ix_evidence_participation ON evidence (participation_id, question_key);
CREATE INDEX ix_evidence_sha256 ON evidence (sha256);

-- number counts the submissions of one participation (1, 2, ...): a total order even when times tie.
CREATE TABLE submissions (
    id                TEXT    NOT NULL PRIMARY KEY,
    participation_id  TEXT    NOT NULL REFERENCES participations (id),
    number            INTEGER NOT NULL,
    submitted_at      TEXT    NOT NULL,
    submitted_by      TEXT    NOT NULL,
    content_hash      TEXT    NOT NULL,
    snapshot_json     TEXT    NOT NULL,
    CONSTRAINT ux_submissions_number UNIQUE (participation_id, number)
);

CREATE TABLE reviews (
    id                TEXT    NOT NULL PRIMARY KEY,
    participation_id  TEXT    NOT NULL REFERENCES participations (id),
    number            INTEGER NOT NULL,
    decision          TEXT    NOT NULL CHECK (decision IN ('return', 'accept')),
    summary           TEXT    NULL,
    reviewed_by       TEXT    NOT NULL,
    reviewed_at       TEXT    NOT NULL,
    CONSTRAINT ux_reviews_number UNIQUE (participation_id, number)
);

CREATE TABLE review_remarks (
    review_id     TEXT NOT NULL REFERENCES reviews (id),
    question_key  TEXT NOT NULL,
    text          TEXT NOT NULL,
    PRIMARY KEY (review_id, question_key)
);

CREATE TABLE findings (
    participation_id  TEXT    NOT NULL PRIMARY KEY REFERENCES participations (id),
    findings_json     TEXT    NOT NULL,
    summary           TEXT    NULL,
    version           INTEGER NOT NULL,
    updated_by        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);

-- "This sector needs recomputing", written in the same transaction as the accept that causes it. seq changes with
-- every new mark and never repeats for a sector, so a job clears the mark only if nothing newer arrived meanwhile.
CREATE TABLE sector_dirty (
    round_id          TEXT    NOT NULL REFERENCES rounds (id),
    institution_type  TEXT    NOT NULL,
    seq               INTEGER NOT NULL,
    marked_at         TEXT    NOT NULL,
    PRIMARY KEY (round_id, institution_type)
);

-- History and submissions are evidence of what happened: the database itself refuses to rewrite them.
CREATE TRIGGER tr_answer_versions_no_update BEFORE UPDATE ON answer_versions
BEGIN SELECT RAISE(ABORT, 'answer_versions is append-only'); END;
CREATE TRIGGER tr_answer_versions_no_delete BEFORE DELETE ON answer_versions
BEGIN SELECT RAISE(ABORT, 'answer_versions is append-only'); END;
CREATE TRIGGER tr_submissions_no_update BEFORE UPDATE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are append-only'); END;
CREATE TRIGGER tr_submissions_no_delete BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are append-only'); END;
