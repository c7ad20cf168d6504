using Audit.Core.SectorFindings;
using Audit.Data.Rounds;

namespace Audit.Data.SectorFindings;

public sealed class SectorFindingsRepository(IDbConnectionFactory factory) : ISectorFindingsRepository
{
    public const string SavedAction = "sector-findings.saved";
    public const string ApprovedAction = "sector-findings.approved";

    private readonly SectorFindingsSql _sql = new(factory.Dialect);

    public async Task<SectorFindingsRecord?> GetAsync(string roundId, string institutionType, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, roundId, institutionType, cancellationToken);
    }

    public async Task<IReadOnlyList<SectorFindingsRecord>> ListAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(_sql.List, new { round_id = roundId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public Task<SectorFindingsWriteResult> PutAsync(
        string roundId, string institutionType, string themesJson, string? summary, int? expectedVersion, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var parameters = new
            {
                round_id = roundId,
                institution_type = institutionType,
                themes_json = themesJson,
                summary,
                version = 1,
                updated_by = actorId,
                updated_at = now,
                expected = expectedVersion,
            };
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(_sql.RoundExists, parameters, t, cancellationToken: cancellationToken)) == 0)
            {
                return (false, new SectorFindingsWriteResult(SectorFindingsWriteOutcome.NotFound, null));
            }
            var written = expectedVersion is null
                ? await UpdateOrInsert.WriteAsync(c, t, _sql.Update, _sql.Insert, parameters, cancellationToken)
                : await c.ExecuteAsync(new CommandDefinition(_sql.Update, parameters, t, cancellationToken: cancellationToken)) == 1;
            var current = await GetAsync(c, t, roundId, institutionType, cancellationToken);
            if (!written)
            {
                return (false, new SectorFindingsWriteResult(SectorFindingsWriteOutcome.VersionMismatch, current));
            }
            await AuditEventRepository.WriteAsync(c, t,
                actor.Did(SavedAction, "sector-findings", $"{roundId}/{institutionType}", now, $"v{current!.Version}"), cancellationToken);
            return (true, new SectorFindingsWriteResult(SectorFindingsWriteOutcome.Done, current));
        }, cancellationToken);
    }

    public Task<SectorFindingsWriteResult> ApproveAsync(
        string roundId, string institutionType, int version, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var parameters = new { round_id = roundId, institution_type = institutionType, version, approved_by = actorId, approved_at = now };
            var written = await c.ExecuteAsync(new CommandDefinition(_sql.Approve, parameters, t, cancellationToken: cancellationToken)) == 1;
            var current = await GetAsync(c, t, roundId, institutionType, cancellationToken);
            if (!written)
            {
                return (false, new SectorFindingsWriteResult(
                    current is null ? SectorFindingsWriteOutcome.NotFound : SectorFindingsWriteOutcome.VersionMismatch, current));
            }
            await AuditEventRepository.WriteAsync(c, t,
                actor.Did(ApprovedAction, "sector-findings", $"{roundId}/{institutionType}", now, $"v{version}"), cancellationToken);
            return (true, new SectorFindingsWriteResult(SectorFindingsWriteOutcome.Done, current));
        }, cancellationToken);
    }

    private async Task<SectorFindingsRecord?> GetAsync(
        DbConnection c, DbTransaction? t, string roundId, string institutionType, CancellationToken cancellationToken) =>
        (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            _sql.Get, new { round_id = roundId, institution_type = institutionType }, t, cancellationToken: cancellationToken)))?.ToRecord();

    private sealed class Row
    {
        public string RoundId { get; set; } = "";
        public string InstitutionType { get; set; } = "";
        public string ThemesJson { get; set; } = "";
        public string? Summary { get; set; }
        public int Version { get; set; }
        public string UpdatedBy { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }
        public int? ApprovedVersion { get; set; }
        public string? ApprovedBy { get; set; }
        public DateTimeOffset? ApprovedAt { get; set; }

        public SectorFindingsRecord ToRecord() =>
            new(RoundId, InstitutionType, ThemesJson, Summary, Version, UpdatedBy, UpdatedAt, ApprovedVersion, ApprovedBy, ApprovedAt);
    }
}
