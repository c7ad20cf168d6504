using Audit.Core.FollowUps;
using Audit.Data.Rounds;

namespace Audit.Data.FollowUps;

public sealed class FollowUpRepository(IDbConnectionFactory factory) : IFollowUpRepository
{
    private readonly FollowUpSql _sql = new(factory.Dialect);
    private readonly ParticipationStateSql _state = new(factory.Dialect);

    public async Task<IReadOnlyList<FollowUpRecord>> ListAsync(string participationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(_sql.ListFollowUps, new { participation_id = participationId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<FollowUpRecord>> ListForRoundAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(_sql.ListRoundFollowUps, new { round_id = roundId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public Task<FollowUpSaveResult> SaveAsync(
        string participationId, FollowUpWrite write, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            // The same gate as answers: a follow-up is part of what the institution submits, so it freezes with them.
            var access = await EditGate.EnterAsync(c, t, _state, participationId, actor, now, cancellationToken);
            if (!access.Editable)
            {
                return (false, new FollowUpSaveResult(access.Refused(FollowUpSaveOutcome.NotFound, FollowUpSaveOutcome.NotEditable), null, access.Reason));
            }
            var parameters = new
            {
                participation_id = participationId,
                recommendation_id = write.RecommendationId,
                status = write.Status.ToWireName(),
                reason = write.Reason,
                version = 1,
                updated_by = actorId,
                updated_at = now,
                expected = write.ExpectedVersion,
            };
            var sql = write.ExpectedVersion is null ? _sql.InsertFollowUp : _sql.UpdateFollowUp;
            var written = await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: cancellationToken)) == 1;
            var current = await GetAsync(c, t, participationId, write.RecommendationId, cancellationToken);
            if (!written)
            {
                return (false, new FollowUpSaveResult(FollowUpSaveOutcome.VersionMismatch, current));
            }
            await AuditEventRepository.WriteAsync(c, t, actor.Did("follow-up.saved", "participation", participationId, now,
                $"{write.RecommendationId} v{current!.Version} {write.Status.ToWireName()}"), cancellationToken);
            return (true, new FollowUpSaveResult(FollowUpSaveOutcome.Saved, current));
        }, cancellationToken);
    }

    private async Task<FollowUpRecord?> GetAsync(DbConnection c, DbTransaction t, string participationId, string recommendationId, CancellationToken cancellationToken) =>
        (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(_sql.GetFollowUp,
            new { participation_id = participationId, recommendation_id = recommendationId }, t, cancellationToken: cancellationToken)))?.ToRecord();

    private sealed class Row
    {
        public string ParticipationId { get; set; } = "";
        public string RecommendationId { get; set; } = "";
        public string Status { get; set; } = "";
        public string? Reason { get; set; }
        public int Version { get; set; }
        public string UpdatedBy { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }

        public FollowUpRecord ToRecord() => new(ParticipationId, RecommendationId,
            FollowUpRules.TryParse(Status, out var status) ? status : throw new InvalidOperationException($"Unknown follow-up status '{Status}'."),
            Reason, Version, UpdatedBy, UpdatedAt);
    }
}
