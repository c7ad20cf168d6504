-- ASP.NET Data Protection keys (they protect antiforgery tokens and sign-in state). Kept in the database so that
-- every web instance reads the same key ring without a shared folder. One row per key; a key is written once and
-- never changed (its revocation is a new XML element, hence a new row). id is the key's friendly name.
CREATE TABLE data_protection_keys (
    id          text        NOT NULL PRIMARY KEY,
    xml         text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The row trigger of V1 does not fire on TRUNCATE, which empties the trail in one statement: refuse it too. (The
-- runtime role has no TRUNCATE privilege either, see README "Security"; this also stops the owner's mistakes.)
CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
