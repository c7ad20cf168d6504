namespace Audit.Data.Reports;

public sealed class RenderedReportSql(ISqlDialect dialect)
{
    public string InsertIfAbsent { get; } = dialect.InsertIfAbsent("rendered_reports",
        ["round_id", "kind", "subject", "language", "format", "fingerprint"],
        ["id", "template_version", "sector_fingerprints", "content_type", "content", "length", "sha256", "rendered_at"]);

    private const string Key =
        "round_id = @RoundId AND kind = @Kind AND subject = @Subject AND language = @Language AND format = @Format AND fingerprint = @Fingerprint";

    private const string Columns =
        "round_id AS RoundId, kind, subject, language, format, fingerprint, template_version AS TemplateVersion, " +
        "sector_fingerprints AS SectorFingerprints, content_type AS ContentType, length, sha256, rendered_at AS RenderedAt";

    public string Get { get; } = $"SELECT {Columns}, content FROM rendered_reports WHERE {Key}";

    public string Exists { get; } = $"SELECT COUNT(*) FROM rendered_reports WHERE {Key}";

    public string List { get; } =
        $"SELECT {Columns} FROM rendered_reports WHERE round_id = @roundId ORDER BY kind, subject, language, format, rendered_at, fingerprint";
}
