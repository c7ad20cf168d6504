-- Issue 21. Each process caches token lookups for a few seconds. Every token revocation and every change of a user
-- (deactivation included) bumps this one counter in the same transaction; each process reads it at most once a second
-- and empties its cache when it moved, so a revocation holds on every process within about two seconds.
CREATE TABLE token_revocations (
    id        int    NOT NULL PRIMARY KEY CHECK (id = 1),
    revision  bigint NOT NULL
);
GO
INSERT INTO token_revocations (id, revision) VALUES (1, 0);
