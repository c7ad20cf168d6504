using Audit.Core.SectorViews;

namespace Audit.Data.SectorViews;

public sealed class SectorViewRepository(IDbConnectionFactory factory) : ISectorViewRepository
{
    private readonly SectorViewSql _sql = new(factory.Dialect);

    public Task<PublishOutcome> PublishAsync(StoredSectorView view, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (connection, transaction) =>
        {
            var key = new { round_id = view.RoundId, institution_type = view.InstitutionType, fingerprint = view.Fingerprint };
            var inserted = await connection.ExecuteAsync(new CommandDefinition(_sql.InsertIfAbsent, new
            {
                id = view.Id,
                round_id = view.RoundId,
                institution_type = view.InstitutionType,
                fingerprint = view.Fingerprint,
                computed_at = view.ComputedAt,
                included = view.Included,
                suppressed = view.Suppressed,
                internal_json = view.InternalJson,
                published_json = view.PublishedJson,
            }, transaction, cancellationToken: cancellationToken)) == 1;
            // Whoever inserted it, the version with this fingerprint is the one to point at.
            var viewId = await connection.ExecuteScalarAsync<string>(new CommandDefinition(_sql.IdByFingerprint, key, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(_sql.PointCurrent, new
            {
                round_id = view.RoundId,
                institution_type = view.InstitutionType,
                view_id = viewId,
                switched_at = audit.OccurredAt,
            }, transaction, cancellationToken: cancellationToken));
            if (inserted)
            {
                await AuditEventRepository.WriteAsync(connection, transaction, audit, cancellationToken);
            }
            return (true, inserted ? PublishOutcome.Published : PublishOutcome.Unchanged);
        }, cancellationToken);

    public async Task<StoredSectorView?> GetCurrentAsync(string roundId, string institutionType, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(_sql.GetCurrent, new { roundId, institutionType }, cancellationToken: cancellationToken));
        return row is null ? null
            : new StoredSectorView(row.Id, row.RoundId, row.InstitutionType, row.Fingerprint, row.ComputedAt, row.Included, row.Suppressed, row.InternalJson, row.PublishedJson);
    }

    public async Task<IReadOnlyList<SectorViewSummary>> ListCurrentAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(_sql.ListCurrent, new { roundId }, cancellationToken: cancellationToken));
        return rows.Select(r => new SectorViewSummary(r.RoundId, r.InstitutionType, r.Fingerprint, r.ComputedAt, r.Included, r.Suppressed)).ToList();
    }

    public async Task<int> CountVersionsAsync(string roundId, string institutionType, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(_sql.CountVersions, new { roundId, institutionType }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string RoundId { get; set; } = "";
        public string InstitutionType { get; set; } = "";
        public string Fingerprint { get; set; } = "";
        public DateTimeOffset ComputedAt { get; set; }
        public int Included { get; set; }
        public bool Suppressed { get; set; }
        public string InternalJson { get; set; } = "";
        public string PublishedJson { get; set; } = "";
    }
}
