-- ASP.NET Data Protection keys (they protect antiforgery tokens and sign-in state). Kept in the database so that
-- every web instance reads the same key ring without a shared folder. One row per key; a key is written once and
-- never changed (its revocation is a new XML element, hence a new row). id is the key's friendly name.
-- No TRUNCATE guard for audit_events here: SQL Server triggers cannot fire on TRUNCATE, and TRUNCATE TABLE needs
-- ALTER on the table, which the runtime role does not have (see README "Security").
CREATE TABLE data_protection_keys (
    id          nvarchar(200) NOT NULL PRIMARY KEY,
    xml         nvarchar(max) NOT NULL,
    created_at  datetime2(7)  NOT NULL
);
