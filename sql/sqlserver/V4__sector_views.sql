-- Sector views: every computed version is kept; sector_view_current points at the one readers get.
-- A version is identified by its input fingerprint, so recomputing the same inputs (twice, or on two
-- workers at once) inserts nothing new.
CREATE TABLE sector_views (
    id                nvarchar(64)  NOT NULL PRIMARY KEY,
    round_id          nvarchar(64)  NOT NULL REFERENCES rounds (id),
    institution_type  nvarchar(32)  NOT NULL,
    fingerprint       nvarchar(100) NOT NULL,
    computed_at       datetime2(7)  NOT NULL,
    included          int           NOT NULL,
    suppressed        bit           NOT NULL,
    internal_json     nvarchar(max) NOT NULL,
    published_json    nvarchar(max) NOT NULL,
    CONSTRAINT ux_sector_views_fingerprint UNIQUE (round_id, institution_type, fingerprint)
);

CREATE TABLE sector_view_current (
    round_id          nvarchar(64) NOT NULL REFERENCES rounds (id),
    institution_type  nvarchar(32) NOT NULL,
    view_id           nvarchar(64) NOT NULL REFERENCES sector_views (id),
    switched_at       datetime2(7) NOT NULL,
    CONSTRAINT pk_sector_view_current PRIMARY KEY (round_id, institution_type)
);
