-- The bureau's findings on one institution type in one round (issue 19): a summary and, per theme, findings,
-- conclusions and recommendations, as Markdown (rendered with raw HTML disabled). version grows by one with every
-- save. A second analyst approves one version (four eyes); a save moves version past approved_version, so the
-- approval holds only while the text is exactly what was approved, and the old one says "changed since approval".
CREATE TABLE sector_findings (
    round_id          varchar(64) NOT NULL REFERENCES rounds (id),
    institution_type  varchar(32) NOT NULL,
    themes_json       text        NOT NULL,
    summary           text        NULL,
    version           integer     NOT NULL,
    updated_by        varchar(64) NOT NULL,
    updated_at        timestamptz NOT NULL,
    approved_version  integer     NULL,
    approved_by       varchar(64) NULL,
    approved_at       timestamptz NULL,
    PRIMARY KEY (round_id, institution_type)
);
