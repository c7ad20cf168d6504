-- Rendered report files (HTML and PDF), kept per fingerprint like sector views. The fingerprint hashes everything
-- a report shows plus its template version and language, so re-rendering unchanged inputs (twice, or on two
-- workers at once) inserts nothing, and every download of the same inputs gets the same bytes. The bytes live
-- here rather than in a file store: they are small, every web and worker process reaches them without a shared
-- volume, and a file is stored in the same transaction as its audit event.
CREATE TABLE rendered_reports (
    id                   nvarchar(64)   NOT NULL PRIMARY KEY,
    round_id             nvarchar(64)   NOT NULL REFERENCES rounds (id),
    kind                 nvarchar(16)   NOT NULL,
    subject              nvarchar(64)   NOT NULL,
    language             nvarchar(8)    NOT NULL,
    format               nvarchar(8)    NOT NULL,
    fingerprint          nvarchar(100)  NOT NULL,
    template_version     nvarchar(100)  NOT NULL,
    sector_fingerprints  nvarchar(max)  NOT NULL,
    content_type         nvarchar(100)  NOT NULL,
    content              varbinary(max) NOT NULL,
    length               bigint         NOT NULL,
    sha256               nvarchar(64)   NOT NULL,
    rendered_at          datetime2(7)   NOT NULL,
    CONSTRAINT ux_rendered_reports_key UNIQUE (round_id, kind, subject, language, format, fingerprint)
);
