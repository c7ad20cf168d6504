-- Mail is owed work: a row written in the same transaction as its cause, sent by a job. dedupe_key makes
-- "the same reminder is never sent twice" a database guarantee, whatever the number of workers.
CREATE TABLE mail_outbox (
    id            text NOT NULL PRIMARY KEY,
    dedupe_key    text NOT NULL,
    recipient     text NOT NULL,
    subject       text NOT NULL,
    text_body     text NOT NULL,
    html_body     text NULL,
    created_at    timestamptz NOT NULL,
    attempts      integer NOT NULL DEFAULT 0,
    locked_until  timestamptz NULL,
    sent_at       timestamptz NULL,
    last_error    text NULL,
    CONSTRAINT ux_mail_outbox_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_mail_outbox_pending ON mail_outbox (sent_at, created_at);
