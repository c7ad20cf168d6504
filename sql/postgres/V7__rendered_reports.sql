-- Rendered report files (HTML and PDF), kept per fingerprint like sector views. The fingerprint hashes everything
-- a report shows plus its template version and language, so re-rendering unchanged inputs (twice, or on two
-- workers at once) inserts nothing, and every download of the same inputs gets the same bytes. The bytes live
-- here rather than in a file store: they are small, every web and worker process reaches them without a shared
-- volume, and a file is stored in the same transaction as its audit event.
CREATE TABLE rendered_reports (
    id                   text        NOT NULL PRIMARY KEY,
    round_id             text        NOT NULL REFERENCES rounds (id),
    kind                 text        NOT NULL,
    subject              text        NOT NULL,
    language             text        NOT NULL,
    format               text        NOT NULL,
    fingerprint          text        NOT NULL,
    template_version     text        NOT NULL,
    sector_fingerprints  text        NOT NULL,
    content_type         text        NOT NULL,
    content              bytea       NOT NULL,
    length               bigint      NOT NULL,
    sha256               text        NOT NULL,
    rendered_at          timestamptz NOT NULL,
    CONSTRAINT ux_rendered_reports_key UNIQUE (round_id, kind, subject, language, format, fingerprint)
);
