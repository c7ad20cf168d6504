-- The bureau's findings on one institution type in one round (issue 19): a summary and, per theme, findings,
-- conclusions and recommendations, as Markdown (rendered with raw HTML disabled). version grows by one with every
-- save. A second analyst approves one version (four eyes); a save moves version past approved_version, so the
-- approval holds only while the text is exactly what was approved, and the old one says "changed since approval".
-- Times are UTC text, as elsewhere.
CREATE TABLE sector_findings (
    round_id          TEXT    NOT NULL REFERENCES rounds (id),
    institution_type  TEXT    NOT NULL,
    themes_json       TEXT    NOT NULL,
    summary           TEXT    NULL,
    version           INTEGER NOT NULL,
    updated_by        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    approved_version  INTEGER NULL,
    approved_by       TEXT    NULL,
    approved_at       TEXT    NULL,
    PRIMARY KEY (round_id, institution_type)
);
