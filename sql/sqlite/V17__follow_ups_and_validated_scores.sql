-- Issue 20. Respondents state, per recommendation the bureau made to their institution in the baseline round, how far
-- it has been followed up; the bureau records per theme a validated maturity score next to the self-assessed one.
-- recommendation_id is the baseline theme key (the findings hold at most one recommendation per theme). Both are
-- versioned like answers: version grows by one with every change. Times are UTC text, as elsewhere.
CREATE TABLE recommendation_follow_ups (
    participation_id   TEXT    NOT NULL REFERENCES participations (id),
    recommendation_id  TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('implemented', 'in_progress', 'not_started', 'not_applicable')),
    reason             TEXT    NULL,
    version            INTEGER NOT NULL,
    updated_by         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    PRIMARY KEY (participation_id, recommendation_id)
);

-- score: 0.0 to 5.0 in steps of 0.1, stored as tenths so every engine compares it exactly.
CREATE TABLE validated_scores (
    participation_id  TEXT    NOT NULL REFERENCES participations (id),
    theme_key         TEXT    NOT NULL,
    score_tenths      INTEGER NOT NULL CHECK (score_tenths BETWEEN 0 AND 50),
    justification     TEXT    NOT NULL,
    version           INTEGER NOT NULL,
    updated_by        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    PRIMARY KEY (participation_id, theme_key)
);
