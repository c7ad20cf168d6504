-- Mail is owed work: a row written in the same transaction as its cause, sent by a job. dedupe_key makes
-- "the same reminder is never sent twice" a database guarantee, whatever the number of workers.
CREATE TABLE mail_outbox (
    id            TEXT NOT NULL PRIMARY KEY,
    dedupe_key    TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    subject       TEXT NOT NULL,
    text_body     TEXT NOT NULL,
    html_body     TEXT NULL,
    created_at    TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT NULL,
    sent_at       TEXT NULL,
    last_error    TEXT NULL,
    CONSTRAINT ux_mail_outbox_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_mail_outbox_pending ON mail_outbox (sent_at, created_at);
