using Audit.Core.Reviews;
using Audit.Data.Rounds;

namespace Audit.Data.Reviews;

public sealed class FindingsRepository(IDbConnectionFactory factory) : IFindingsRepository
{
    private readonly FindingsSql _sql = new(factory.Dialect);

    public async Task<FindingsRecord?> GetAsync(string participationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, participationId, cancellationToken);
    }

    public Task<FindingsSaveResult> PutAsync(
        string participationId, string findingsJson, string? summary, int? expectedVersion, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var parameters = new
            {
                participation_id = participationId,
                findings_json = findingsJson,
                summary,
                version = 1,
                updated_by = actorId,
                updated_at = now,
                expected = expectedVersion,
            };
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(_sql.ParticipationExists, parameters, t, cancellationToken: cancellationToken)) == 0)
            {
                return (false, new FindingsSaveResult(FindingsSaveOutcome.NotFound, null));
            }
            // Without an expected version the findings are written whether or not there are any yet; with one, only
            // over that version.
            var written = expectedVersion is null
                ? await UpdateOrInsert.WriteAsync(c, t, _sql.Update, _sql.Insert, parameters, cancellationToken)
                : await c.ExecuteAsync(new CommandDefinition(_sql.Update, parameters, t, cancellationToken: cancellationToken)) == 1;
            if (!written)
            {
                return (false, new FindingsSaveResult(FindingsSaveOutcome.VersionMismatch, await GetAsync(c, t, participationId, cancellationToken)));
            }
            var saved = await GetAsync(c, t, participationId, cancellationToken);
            await AuditEventRepository.WriteAsync(c, t,
                actor.Did("findings.saved", "participation", participationId, now, $"v{saved!.Version}"), cancellationToken);
            return (true, new FindingsSaveResult(FindingsSaveOutcome.Saved, saved));
        }, cancellationToken);
    }

    private async Task<FindingsRecord?> GetAsync(DbConnection c, DbTransaction? t, string participationId, CancellationToken cancellationToken) =>
        (await c.QuerySingleOrDefaultAsync<FindingsRow>(new CommandDefinition(
            _sql.Get, new { participation_id = participationId }, t, cancellationToken: cancellationToken)))?.ToRecord();

    private sealed class FindingsRow
    {
        public string ParticipationId { get; set; } = "";
        public string FindingsJson { get; set; } = "";
        public string? Summary { get; set; }
        public int Version { get; set; }
        public string UpdatedBy { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }

        public FindingsRecord ToRecord() => new(ParticipationId, FindingsJson, Summary, Version, UpdatedBy, UpdatedAt);
    }
}
