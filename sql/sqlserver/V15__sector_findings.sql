-- The bureau's findings on one institution type in one round (issue 19): a summary and, per theme, findings,
-- conclusions and recommendations, as Markdown (rendered with raw HTML disabled). version grows by one with every
-- save. A second analyst approves one version (four eyes); a save moves version past approved_version, so the
-- approval holds only while the text is exactly what was approved, and the old one says "changed since approval".
CREATE TABLE sector_findings (
    round_id          nvarchar(64)  NOT NULL REFERENCES rounds (id),
    institution_type  nvarchar(32)  NOT NULL,
    themes_json       nvarchar(max) NOT NULL,
    summary           nvarchar(max) NULL,
    version           int           NOT NULL,
    updated_by        nvarchar(64)  NOT NULL,
    updated_at        datetime2(7)  NOT NULL,
    approved_version  int           NULL,
    approved_by       nvarchar(64)  NULL,
    approved_at       datetime2(7)  NULL,
    CONSTRAINT pk_sector_findings PRIMARY KEY (round_id, institution_type)
);
