-- Foundation: the institution registry, users with hashed tokens, and the append-only audit trail.
-- Times are UTC text (yyyy-MM-dd HH:mm:ss.fffffff), the shape Microsoft.Data.Sqlite writes.

CREATE TABLE institutions (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    city        TEXT    NULL,
    brin        TEXT    NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX ix_institutions_type ON institutions (type);

CREATE TABLE users (
    id              TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    email           TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    institution_id  TEXT    NULL REFERENCES institutions (id),
    oidc_subject    TEXT    NULL,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);
CREATE INDEX ix_users_institution ON users (institution_id);

-- kind: 'pat' (API bearer token), 'invitation' (one-time sign-in link), 'session' (web cookie).
CREATE TABLE access_tokens (
    id            TEXT    NOT NULL PRIMARY KEY,
    user_id       TEXT    NOT NULL REFERENCES users (id),
    kind          TEXT    NOT NULL,
    token_hash    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    expires_at    TEXT    NULL,
    revoked_at    TEXT    NULL,
    used_at       TEXT    NULL,
    last_used_at  TEXT    NULL
);
CREATE UNIQUE INDEX ux_access_tokens_hash ON access_tokens (token_hash);
CREATE INDEX ix_access_tokens_user ON access_tokens (user_id);

CREATE TABLE audit_events (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    occurred_at  TEXT    NOT NULL,
    actor_id     TEXT    NULL,
    actor_role   TEXT    NULL,
    action       TEXT    NOT NULL,
    object_type  TEXT    NOT NULL,
    object_id    TEXT    NOT NULL,
    summary      TEXT    NULL
);
CREATE INDEX ix_audit_events_object ON audit_events (object_type, object_id);
CREATE INDEX ix_audit_events_actor ON audit_events (actor_id);
CREATE INDEX ix_audit_events_time ON audit_events (occurred_at);

-- The trail is append-only: the database itself refuses changes, whatever the application does.
CREATE TRIGGER tr_audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER tr_audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
