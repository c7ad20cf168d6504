-- Foundation: the institution registry, users with hashed tokens, and the append-only audit trail.

CREATE TABLE institutions (
    id          nvarchar(64)  NOT NULL PRIMARY KEY,
    name        nvarchar(200) NOT NULL,
    type        nvarchar(32)  NOT NULL,
    city        nvarchar(100) NULL,
    brin        nvarchar(8)   NULL,
    active      bit           NOT NULL DEFAULT 1,
    created_at  datetime2(7)  NOT NULL,
    updated_at  datetime2(7)  NOT NULL
);
CREATE INDEX ix_institutions_type ON institutions (type);

CREATE TABLE users (
    id              nvarchar(64)  NOT NULL PRIMARY KEY,
    name            nvarchar(200) NOT NULL,
    email           nvarchar(320) NOT NULL,
    role            nvarchar(20)  NOT NULL,
    institution_id  nvarchar(64)  NULL REFERENCES institutions (id),
    oidc_subject    nvarchar(200) NULL,
    active          bit           NOT NULL DEFAULT 1,
    created_at      datetime2(7)  NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);
CREATE INDEX ix_users_institution ON users (institution_id);

CREATE TABLE access_tokens (
    id            nvarchar(64) NOT NULL PRIMARY KEY,
    user_id       nvarchar(64) NOT NULL REFERENCES users (id),
    kind          nvarchar(20) NOT NULL,
    token_hash    char(64)     NOT NULL,
    created_at    datetime2(7) NOT NULL,
    expires_at    datetime2(7) NULL,
    revoked_at    datetime2(7) NULL,
    used_at       datetime2(7) NULL,
    last_used_at  datetime2(7) NULL
);
CREATE UNIQUE INDEX ux_access_tokens_hash ON access_tokens (token_hash);
CREATE INDEX ix_access_tokens_user ON access_tokens (user_id);

CREATE TABLE audit_events (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    occurred_at  datetime2(7)  NOT NULL,
    actor_id     nvarchar(64)  NULL,
    actor_role   nvarchar(20)  NULL,
    action       nvarchar(64)  NOT NULL,
    object_type  nvarchar(64)  NOT NULL,
    object_id    nvarchar(200) NOT NULL,
    summary      nvarchar(max) NULL
);
CREATE INDEX ix_audit_events_object ON audit_events (object_type, object_id);
CREATE INDEX ix_audit_events_actor ON audit_events (actor_id);
CREATE INDEX ix_audit_events_time ON audit_events (occurred_at);
GO

-- The trail is append-only: the database itself refuses changes, whatever the application does.
CREATE TRIGGER tr_audit_events_append_only ON audit_events INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 51000, 'audit_events is append-only', 1;
END;
GO
