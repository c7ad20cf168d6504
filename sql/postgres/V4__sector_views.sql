-- Sector views: every computed version is kept; sector_view_current points at the one readers get.
-- A version is identified by its input fingerprint, so recomputing the same inputs (twice, or on two
-- workers at once) inserts nothing new.
CREATE TABLE sector_views (
    id                text        NOT NULL PRIMARY KEY,
    round_id          text        NOT NULL REFERENCES rounds (id),
    institution_type  text        NOT NULL,
    fingerprint       text        NOT NULL,
    computed_at       timestamptz NOT NULL,
    included          integer     NOT NULL,
    suppressed        boolean     NOT NULL,
    internal_json     text        NOT NULL,
    published_json    text        NOT NULL,
    CONSTRAINT ux_sector_views_fingerprint UNIQUE (round_id, institution_type, fingerprint)
);

CREATE TABLE sector_view_current (
    round_id          text        NOT NULL REFERENCES rounds (id),
    institution_type  text        NOT NULL,
    view_id           text        NOT NULL REFERENCES sector_views (id),
    switched_at       timestamptz NOT NULL,
    PRIMARY KEY (round_id, institution_type)
);
