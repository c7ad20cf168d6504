-- Foundation: the institution registry, users with hashed tokens, and the append-only audit trail.

CREATE TABLE institutions (
    id          varchar(64)  NOT NULL PRIMARY KEY,
    name        varchar(200) NOT NULL,
    type        varchar(32)  NOT NULL,
    city        varchar(100) NULL,
    brin        varchar(8)   NULL,
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX ix_institutions_type ON institutions (type);

CREATE TABLE users (
    id              varchar(64)  NOT NULL PRIMARY KEY,
    name            varchar(200) NOT NULL,
    email           varchar(320) NOT NULL,
    role            varchar(20)  NOT NULL,
    institution_id  varchar(64)  NULL REFERENCES institutions (id),
    oidc_subject    varchar(200) NULL,
    active          boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);
CREATE INDEX ix_users_institution ON users (institution_id);

CREATE TABLE access_tokens (
    id            varchar(64) NOT NULL PRIMARY KEY,
    user_id       varchar(64) NOT NULL REFERENCES users (id),
    kind          varchar(20) NOT NULL,
    token_hash    char(64)    NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NULL,
    revoked_at    timestamptz NULL,
    used_at       timestamptz NULL,
    last_used_at  timestamptz NULL
);
CREATE UNIQUE INDEX ux_access_tokens_hash ON access_tokens (token_hash);
CREATE INDEX ix_access_tokens_user ON access_tokens (user_id);

CREATE TABLE audit_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL,
    actor_id     varchar(64)  NULL,
    actor_role   varchar(20)  NULL,
    action       varchar(64)  NOT NULL,
    object_type  varchar(64)  NOT NULL,
    object_id    varchar(200) NOT NULL,
    summary      text         NULL
);
CREATE INDEX ix_audit_events_object ON audit_events (object_type, object_id);
CREATE INDEX ix_audit_events_actor ON audit_events (actor_id);
CREATE INDEX ix_audit_events_time ON audit_events (occurred_at);

-- The trail is append-only: the database itself refuses changes, whatever the application does.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
