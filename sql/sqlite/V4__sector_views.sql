-- Sector views: every computed version is kept; sector_view_current points at the one readers get.
-- A version is identified by its input fingerprint, so recomputing the same inputs (twice, or on two
-- workers at once) inserts nothing new.
CREATE TABLE sector_views (
    id                TEXT    NOT NULL PRIMARY KEY,
    round_id          TEXT    NOT NULL REFERENCES rounds (id),
    institution_type  TEXT    NOT NULL,
    fingerprint       TEXT    NOT NULL,
    computed_at       TEXT    NOT NULL,
    included          INTEGER NOT NULL,
    suppressed        INTEGER NOT NULL,
    internal_json     TEXT    NOT NULL,
    published_json    TEXT    NOT NULL,
    CONSTRAINT ux_sector_views_fingerprint UNIQUE (round_id, institution_type, fingerprint)
);

CREATE TABLE sector_view_current (
    round_id          TEXT NOT NULL REFERENCES rounds (id),
    institution_type  TEXT NOT NULL,
    view_id           TEXT NOT NULL REFERENCES sector_views (id),
    switched_at       TEXT NOT NULL,
    PRIMARY KEY (round_id, institution_type)
);
