-- Issue 17, rounds in the browser.
-- reference_date: the reporting date (peildatum) the questions refer to. A calendar date, not a moment: stored as
-- ISO text yyyy-MM-dd on every engine so that no driver shifts it by a time zone. Null for rounds made before it.
ALTER TABLE rounds ADD COLUMN reference_date TEXT NULL;

-- closes_at: a participation's own deadline when the bureau extended it for that institution; null means the
-- round's. removed_at: the bureau took the institution out of the round. Answers, submissions and their history
-- are append-only, so a removal hides the participation everywhere instead of deleting it; inviting the
-- institution again brings it back as it was.
ALTER TABLE participations ADD COLUMN closes_at TEXT NULL;
ALTER TABLE participations ADD COLUMN removed_at TEXT NULL;
