using Audit.Core.Rounds;
using Audit.Core.ValidatedScores;
using Audit.Data.Rounds;
using Audit.Data.SectorViews;

namespace Audit.Data.FollowUps;

public sealed class ValidatedScoreRepository(IDbConnectionFactory factory) : IValidatedScoreRepository
{
    private readonly FollowUpSql _sql = new(factory.Dialect);
    private readonly ParticipationStateSql _state = new(factory.Dialect);
    private readonly SectorDirtySql _dirty = new(factory.Dialect);

    public async Task<IReadOnlyList<ValidatedScoreRecord>> ListAsync(string participationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(_sql.ListScores, new { participation_id = participationId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<ValidatedScoreRecord>> ListForRoundAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(_sql.ListRoundScores, new { round_id = roundId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public Task<ValidatedScoreSaveResult> SaveAsync(
        string participationId, ValidatedScoreWrite write, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var state = await ParticipationState.ReadAsync(c, t, _state, participationId, cancellationToken);
            if (state is null)
            {
                return (false, new ValidatedScoreSaveResult(ValidatedScoreSaveOutcome.NotFound, null));
            }
            // Under the share lock a concurrent publication or status change waits for this write, so the check holds at commit.
            var locked = await ParticipationState.ReadLockedAsync(c, t, _state, participationId, cancellationToken);
            var check = ValidatedScoreRules.CanRecord(locked!.Round, locked.ParticipationStatus);
            if (!check.IsAllowed)
            {
                return (false, new ValidatedScoreSaveResult(ValidatedScoreSaveOutcome.NotAllowed, null, check.Reason));
            }
            var parameters = new
            {
                participation_id = participationId,
                theme_key = write.ThemeKey,
                score_tenths = ValidatedScoreRules.ToTenths(write.Score),
                justification = write.Justification,
                version = 1,
                updated_by = actorId,
                updated_at = now,
                expected = write.ExpectedVersion,
            };
            var sql = write.ExpectedVersion is null ? _sql.InsertScore : _sql.UpdateScore;
            var written = await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: cancellationToken)) == 1;
            var current = (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(_sql.GetScore,
                new { participation_id = participationId, theme_key = write.ThemeKey }, t, cancellationToken: cancellationToken)))?.ToRecord();
            if (!written)
            {
                return (false, new ValidatedScoreSaveResult(ValidatedScoreSaveOutcome.VersionMismatch, current));
            }
            if (locked.ParticipationStatus == ParticipationStatus.Accepted)
            {
                // The sector view counts accepted participations' validated scores: owed work, committed with its cause.
                await SectorDirtyMarks.MarkAsync(c, t, _dirty, state.RoundId, state.Type, now, cancellationToken);
            }
            await AuditEventRepository.WriteAsync(c, t, actor.Did("validated-score.saved", "participation", participationId, now,
                $"{write.ThemeKey} v{current!.Version} {ValidatedScoreRules.Format(write.Score)}"), cancellationToken);
            return (true, new ValidatedScoreSaveResult(ValidatedScoreSaveOutcome.Saved, current));
        }, cancellationToken);
    }

    private sealed class Row
    {
        public string ParticipationId { get; set; } = "";
        public string ThemeKey { get; set; } = "";
        public long ScoreTenths { get; set; }
        public string Justification { get; set; } = "";
        public int Version { get; set; }
        public string UpdatedBy { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }

        public ValidatedScoreRecord ToRecord() =>
            new(ParticipationId, ThemeKey, ValidatedScoreRules.FromTenths(ScoreTenths), Justification, Version, UpdatedBy, UpdatedAt);
    }
}
