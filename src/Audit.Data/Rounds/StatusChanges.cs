using Audit.Core.Rounds;

namespace Audit.Data.Rounds;

/// <summary>
/// What rounds and participations share about their status: the compare-and-set change with its history row, the
/// history read back, and the stored wire names parsed. An unknown stored status is a data error, never the caller's.
/// </summary>
internal static class StatusChanges
{
    /// <summary>
    /// Inside a caller's transaction: <paramref name="change"/> (a compare-and-set that affects one row or none) and,
    /// when it did, <paramref name="recordChange"/>, the history row; both take <paramref name="parameters"/>.
    /// </summary>
    public static async Task<bool> TryChangeAsync(
        DbConnection connection, DbTransaction transaction, string change, string recordChange, object parameters, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(change, parameters, transaction, cancellationToken: cancellationToken)) != 1)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(recordChange, parameters, transaction, cancellationToken: cancellationToken));
        return true;
    }

    /// <summary>
    /// The change in its own transaction, committed with <paramref name="audit"/> only when it took place; the record
    /// as it is afterwards (read by <paramref name="read"/>) tells a refused change's mismatch from a missing row.
    /// </summary>
    public static Task<StatusChangeResult<TRecord>> ApplyAsync<TRecord>(
        IDbConnectionFactory factory, string change, string recordChange, object parameters, AuditEvent audit,
        Func<DbConnection, DbTransaction, Task<TRecord?>> read, CancellationToken cancellationToken)
        where TRecord : class =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var changed = await TryChangeAsync(c, t, change, recordChange, parameters, cancellationToken);
            if (changed)
            {
                await AuditEventRepository.WriteAsync(c, t, audit, cancellationToken);
            }
            var current = await read(c, t);
            var outcome = changed ? StatusChangeOutcome.Changed
                : current is null ? StatusChangeOutcome.NotFound
                : StatusChangeOutcome.StatusMismatch;
            return (changed, new StatusChangeResult<TRecord>(outcome, current));
        }, cancellationToken);

    /// <summary>The history of one round or participation; <paramref name="sql"/> takes its id as <c>@id</c>.</summary>
    public static async Task<IReadOnlyList<StatusHistoryEntry<TStatus>>> HistoryAsync<TStatus>(
        IDbConnectionFactory factory, string sql, string id, Func<string, TStatus> parse, CancellationToken cancellationToken)
        where TStatus : struct, Enum
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return rows.Select(r => new StatusHistoryEntry<TStatus>(parse(r.FromStatus), parse(r.ToStatus), r.ChangedAt, r.ActorId)).ToList();
    }

    public static ParticipationStatus ParseParticipation(string status) =>
        ParticipationStatuses.TryParse(status, out var parsed) ? parsed : throw new InvalidOperationException($"Unknown participation status '{status}'.");

    public static RoundStatus ParseRound(string status) =>
        RoundStatuses.TryParse(status, out var parsed) ? parsed : throw new InvalidOperationException($"Unknown round status '{status}'.");

    /// <summary>A row of round_status_changes or participation_status_changes.</summary>
    private sealed class HistoryRow
    {
        public string FromStatus { get; set; } = "";
        public string ToStatus { get; set; } = "";
        public DateTimeOffset ChangedAt { get; set; }
        public string? ActorId { get; set; }
    }
}
