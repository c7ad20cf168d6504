using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Data.Institutions;

namespace Audit.Data.Rounds;

/// <summary>Reads and compare-and-set changes of a participation's status inside a caller's transaction.</summary>
internal static class ParticipationState
{
    public static async Task<Row?> ReadAsync(
        DbConnection connection, DbTransaction transaction, ParticipationStateSql sql, string participationId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(sql.State, new { id = participationId }, transaction, cancellationToken: cancellationToken));

    public static async Task<Row?> ReadLockedAsync(
        DbConnection connection, DbTransaction transaction, ParticipationStateSql sql, string participationId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(sql.LockedState, new { id = participationId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Moves the participation from <paramref name="from"/> to <paramref name="to"/> if it is still there and the
    /// round is in one of <paramref name="roundStatuses"/>, appending the status history. False changes nothing.
    /// </summary>
    public static Task<bool> ChangeAsync(
        DbConnection connection, DbTransaction transaction, ParticipationStateSql sql, string participationId,
        ParticipationStatus from, ParticipationStatus to, IReadOnlyList<RoundStatus> roundStatuses, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        StatusChanges.TryChangeAsync(connection, transaction, sql.ChangeStatus, sql.InsertStatusChange,
            ChangeParameters(participationId, from, to, now, actor.Id, roundStatuses), cancellationToken);

    /// <summary>
    /// The parameters of a status change, for <see cref="ParticipationSql.ChangeStatus"/> (which ignores the round
    /// statuses) and <see cref="ParticipationStateSql.ChangeStatus"/>. A timestamp is set only by the change to its own
    /// status, so the latest submission, acceptance and return stay recorded. Throws on a transition the rules forbid.
    /// </summary>
    public static object ChangeParameters(
        string participationId, ParticipationStatus from, ParticipationStatus to, DateTimeOffset now, string? actorId,
        IReadOnlyList<RoundStatus>? roundStatuses = null)
    {
        var check = ParticipationTransitions.Check(from, to);
        if (!check.IsAllowed)
        {
            throw new InvalidOperationException(check.Error);
        }
        DateTimeOffset? StampWhen(ParticipationStatus status) => to == status ? now : null;
        return new
        {
            id = participationId,
            expected = from.ToWireName(),
            to = to.ToWireName(),
            now,
            actorId,
            submittedAt = StampWhen(ParticipationStatus.Submitted),
            acceptedAt = StampWhen(ParticipationStatus.Accepted),
            returnedAt = StampWhen(ParticipationStatus.Returned),
            roundStatus1 = roundStatuses?[0].ToWireName(),
            roundStatus2 = roundStatuses?[^1].ToWireName(),
        };
    }

    /// <summary>The actor's id, which every stored change names.</summary>
    public static string ActorId(Actor actor) =>
        actor.Id ?? throw new ArgumentException("A change needs an actor with an id.", nameof(actor));

    internal sealed class Row
    {
        public string Status { get; set; } = "";
        public string RoundStatus { get; set; } = "";
        public string RoundId { get; set; } = "";
        public string InstitutionId { get; set; } = "";
        public string InstitutionType { get; set; } = "";

        public ParticipationStatus ParticipationStatus => StatusChanges.ParseParticipation(Status);

        public RoundStatus Round => StatusChanges.ParseRound(RoundStatus);

        public InstitutionType Type => InstitutionRepository.ParseType(InstitutionType, InstitutionId);
    }
}
