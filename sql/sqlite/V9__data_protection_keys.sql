-- ASP.NET Data Protection keys (they protect antiforgery tokens and sign-in state). Kept in the database so that
-- every web instance reads the same key ring without a shared folder. One row per key; a key is written once and
-- never changed (its revocation is a new XML element, hence a new row). id is the key's friendly name.
CREATE TABLE data_protection_keys (
    id          TEXT NOT NULL PRIMARY KEY,
    xml         TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
