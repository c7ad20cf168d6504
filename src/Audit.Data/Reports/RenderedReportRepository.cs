using Audit.Core.Reports;

namespace Audit.Data.Reports;

public sealed class RenderedReportRepository(IDbConnectionFactory factory) : IRenderedReportRepository
{
    private readonly RenderedReportSql _sql = new(factory.Dialect);

    public Task<bool> StoreAsync(StoredReport report, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var key = report.Key;
        // Insert-if-absent on the key: of two workers storing the same inputs, one inserts and the other changes
        // nothing, so the first bytes stored stay the bytes every download gets.
        return UnitOfWork.ChangeAsync(factory, audit, async (connection, transaction) =>
            await connection.ExecuteAsync(new CommandDefinition(_sql.InsertIfAbsent, new
            {
                id = "rr_" + Guid.NewGuid().ToString("N"),
                round_id = key.RoundId,
                kind = key.Kind,
                subject = key.Subject,
                language = key.Language,
                format = key.Format,
                fingerprint = key.Fingerprint,
                template_version = report.TemplateVersion,
                sector_fingerprints = report.SectorFingerprints,
                content_type = report.ContentType,
                content = report.Content,
                length = (long)report.Content.Length,
                sha256 = report.Sha256,
                rendered_at = report.RenderedAt,
            }, transaction, cancellationToken: cancellationToken)) == 1, cancellationToken);
    }

    public async Task<StoredReport?> GetAsync(RenderedReportKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(_sql.Get, key, cancellationToken: cancellationToken));
        return row is null ? null
            : new StoredReport(row.Key(), row.ContentType, row.Content, row.Sha256, row.TemplateVersion, row.SectorFingerprints, row.RenderedAt);
    }

    public async Task<bool> ExistsAsync(RenderedReportKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(_sql.Exists, key, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<StoredReportSummary>> ListAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(_sql.List, new { roundId }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredReportSummary(r.Key(), r.ContentType, r.Length, r.Sha256, r.TemplateVersion, r.SectorFingerprints, r.RenderedAt))
            .ToList();
    }

    private sealed class Row
    {
        public string RoundId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Language { get; set; } = "";
        public string Format { get; set; } = "";
        public string Fingerprint { get; set; } = "";
        public string TemplateVersion { get; set; } = "";
        public string SectorFingerprints { get; set; } = "";
        public string ContentType { get; set; } = "";
        public long Length { get; set; }
        public string Sha256 { get; set; } = "";
        public DateTimeOffset RenderedAt { get; set; }
        public byte[] Content { get; set; } = [];

        public RenderedReportKey Key() => new(RoundId, Kind, Subject, Language, Format, Fingerprint);
    }
}
