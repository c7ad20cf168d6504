-- Rendered report files (HTML and PDF), kept per fingerprint like sector views. The fingerprint hashes everything
-- a report shows plus its template version and language, so re-rendering unchanged inputs (twice, or on two
-- workers at once) inserts nothing, and every download of the same inputs gets the same bytes. The bytes live
-- here rather than in a file store: they are small, every web and worker process reaches them without a shared
-- volume, and a file is stored in the same transaction as its audit event.
CREATE TABLE rendered_reports (
    id                   TEXT    NOT NULL PRIMARY KEY,
    round_id             TEXT    NOT NULL REFERENCES rounds (id),
    kind                 TEXT    NOT NULL,
    subject              TEXT    NOT NULL,
    language             TEXT    NOT NULL,
    format               TEXT    NOT NULL,
    fingerprint          TEXT    NOT NULL,
    template_version     TEXT    NOT NULL,
    sector_fingerprints  TEXT    NOT NULL,
    content_type         TEXT    NOT NULL,
    content              BLOB    NOT NULL,
    length               INTEGER NOT NULL,
    sha256               TEXT    NOT NULL,
    rendered_at          TEXT    NOT NULL,
    CONSTRAINT ux_rendered_reports_key UNIQUE (round_id, kind, subject, language, format, fingerprint)
);
