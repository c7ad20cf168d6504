using Audit.Core.CycleFindings;
using Audit.Core.SectorFindings;
using Audit.Data.Rounds;

namespace Audit.Data.CycleFindings;

public sealed class CycleFindingsRepository(IDbConnectionFactory factory) : ICycleFindingsRepository
{
    public const string SavedAction = "cycle-findings.saved";
    public const string ApprovedAction = "cycle-findings.approved";

    private readonly CycleFindingsSql _sql = new(factory.Dialect);

    public async Task<CycleFindingsRecord?> GetAsync(string cycle, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, cycle, cancellationToken);
    }

    public Task<CycleFindingsWriteResult> PutAsync(
        string cycle, string summary, int? expectedVersion, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var parameters = new { cycle, summary, version = 1, updated_by = ParticipationState.ActorId(actor), updated_at = now, expected = expectedVersion };
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var written = expectedVersion is null
                ? await UpdateOrInsert.WriteAsync(c, t, _sql.Update, _sql.Insert, parameters, cancellationToken)
                : await c.ExecuteAsync(new CommandDefinition(_sql.Update, parameters, t, cancellationToken: cancellationToken)) == 1;
            var current = await GetAsync(c, t, cycle, cancellationToken);
            if (!written)
            {
                return (false, new CycleFindingsWriteResult(SectorFindingsWriteOutcome.VersionMismatch, current));
            }
            await AuditEventRepository.WriteAsync(c, t, actor.Did(SavedAction, "cycle-findings", cycle, now, $"v{current!.Version}"), cancellationToken);
            return (true, new CycleFindingsWriteResult(SectorFindingsWriteOutcome.Done, current));
        }, cancellationToken);
    }

    public Task<CycleFindingsWriteResult> ApproveAsync(string cycle, int version, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var parameters = new { cycle, version, approved_by = ParticipationState.ActorId(actor), approved_at = now };
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var written = await c.ExecuteAsync(new CommandDefinition(_sql.Approve, parameters, t, cancellationToken: cancellationToken)) == 1;
            var current = await GetAsync(c, t, cycle, cancellationToken);
            if (!written)
            {
                return (false, new CycleFindingsWriteResult(
                    current is null ? SectorFindingsWriteOutcome.NotFound : SectorFindingsWriteOutcome.VersionMismatch, current));
            }
            await AuditEventRepository.WriteAsync(c, t, actor.Did(ApprovedAction, "cycle-findings", cycle, now, $"v{version}"), cancellationToken);
            return (true, new CycleFindingsWriteResult(SectorFindingsWriteOutcome.Done, current));
        }, cancellationToken);
    }

    private async Task<CycleFindingsRecord?> GetAsync(DbConnection c, DbTransaction? t, string cycle, CancellationToken cancellationToken) =>
        (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(_sql.Get, new { cycle }, t, cancellationToken: cancellationToken)))?.ToRecord();

    private sealed class Row
    {
        public string Cycle { get; set; } = "";
        public string Summary { get; set; } = "";
        public int Version { get; set; }
        public string UpdatedBy { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }
        public int? ApprovedVersion { get; set; }
        public string? ApprovedBy { get; set; }
        public DateTimeOffset? ApprovedAt { get; set; }

        public CycleFindingsRecord ToRecord() => new(Cycle, Summary, Version, UpdatedBy, UpdatedAt, ApprovedVersion, ApprovedBy, ApprovedAt);
    }
}
