-- Mail is owed work: a row written in the same transaction as its cause, sent by a job. dedupe_key makes
-- "the same reminder is never sent twice" a database guarantee, whatever the number of workers.
CREATE TABLE mail_outbox (
    id            nvarchar(64) NOT NULL PRIMARY KEY,
    dedupe_key    nvarchar(400) NOT NULL,
    recipient     nvarchar(400) NOT NULL,
    subject       nvarchar(400) NOT NULL,
    text_body     nvarchar(max) NOT NULL,
    html_body     nvarchar(max) NULL,
    created_at    datetime2(7) NOT NULL,
    attempts      int NOT NULL DEFAULT 0,
    locked_until  datetime2(7) NULL,
    sent_at       datetime2(7) NULL,
    last_error    nvarchar(max) NULL,
    CONSTRAINT ux_mail_outbox_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_mail_outbox_pending ON mail_outbox (sent_at, created_at);
