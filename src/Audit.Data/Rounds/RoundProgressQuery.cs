using Audit.Core.Rounds;
using Audit.Data.Institutions;

namespace Audit.Data.Rounds;

public sealed class RoundProgressQuery(IDbConnectionFactory factory) : IRoundProgressQuery
{
    private readonly RoundProgressSql _sql = new(factory.Dialect);

    public async Task<IReadOnlyList<ParticipationProgress>> ListAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProgressRow>(new CommandDefinition(_sql.OfRound, new { round_id = roundId }, cancellationToken: cancellationToken));
        // Sorted here: engines collate text differently, and the order should not depend on the engine.
        return rows.Select(r => r.ToProgress())
            .OrderBy(p => p.InstitutionId, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class ProgressRow
    {
        public string ParticipationId { get; set; } = "";
        public string InstitutionId { get; set; } = "";
        public string InstitutionName { get; set; } = "";
        public string InstitutionType { get; set; } = "";
        public string Status { get; set; } = "";
        public long AnsweredCount { get; set; }
        public DateTimeOffset? LastAnswerAt { get; set; }
        public DateTimeOffset? LastStatusAt { get; set; }
        public DateTimeOffset? ClosesAt { get; set; }

        public ParticipationProgress ToProgress() => new(
            ParticipationId, InstitutionId, InstitutionName, InstitutionRepository.ParseType(InstitutionType, InstitutionId),
            StatusChanges.ParseParticipation(Status),
            (int)AnsweredCount,
            LastAnswerAt > LastStatusAt || LastStatusAt is null ? LastAnswerAt : LastStatusAt,
            ClosesAt);
    }
}
