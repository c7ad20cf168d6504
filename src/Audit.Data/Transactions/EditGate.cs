using System.Diagnostics.CodeAnalysis;
using Audit.Core.Rounds;
using Audit.Data.Rounds;

namespace Audit.Data.Transactions;

/// <summary>
/// The first step of every respondent write (answers, evidence): inside the write's transaction, make sure the
/// participation is editable (<see cref="ParticipationRules.CanEditAnswers"/>) and stays so until commit, and move it
/// to in_progress (<see cref="ParticipationRules.AfterEdit"/>).
/// <para>
/// How it stays editable: on PostgreSQL and SQL Server the participation and round rows are read under a share lock,
/// which a concurrent submit, review or round change (all compare-and-set updates of those rows) must wait for, while
/// concurrent writers, holding only share locks, do not block each other. Moving from invited or returned is itself a
/// compare-and-set update, done before the locked read: taking the share lock first and upgrading it would deadlock
/// two first writers. On SQLite the IMMEDIATE transaction already excludes every other writer.
/// </para>
/// </summary>
internal static class EditGate
{
    public enum Outcome
    {
        Editable,
        NotFound,
        NotEditable,
    }

    public sealed record Access(Outcome Outcome, string? Reason = null)
    {
        public bool Editable => Outcome == Outcome.Editable;

        /// <summary>A refused write's outcome in the caller's own terms.</summary>
        public T Refused<T>(T notFound, T notEditable) => Outcome == Outcome.NotFound ? notFound : notEditable;
    }

    private static readonly RoundStatus[] OpenOnly = [RoundStatus.Open];

    /// <summary>
    /// On anything but <see cref="Outcome.Editable"/> the caller must roll back: a status change may already have
    /// been written.
    /// </summary>
    public static async Task<Access> EnterAsync(
        DbConnection connection, DbTransaction transaction, ParticipationStateSql sql, string participationId, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Each pass either decides or saw the status change under it; a few passes settle any interleaving.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var state = await ParticipationState.ReadAsync(connection, transaction, sql, participationId, cancellationToken);
            if (Refuses(state, out var refused))
            {
                return refused;
            }
            var after = ParticipationRules.AfterEdit(state.ParticipationStatus);
            if (after != state.ParticipationStatus)
            {
                if (!await ParticipationState.ChangeAsync(connection, transaction, sql, participationId, state.ParticipationStatus, after, OpenOnly,
                        actor, now, cancellationToken))
                {
                    continue;
                }
                await AuditEventRepository.WriteAsync(connection, transaction,
                    actor.Did("participation." + after.ToWireName(), "participation", participationId, now, "from " + state.Status), cancellationToken);
            }
            var locked = await ParticipationState.ReadLockedAsync(connection, transaction, sql, participationId, cancellationToken);
            if (Refuses(locked, out refused))
            {
                return refused;
            }
            if (locked.ParticipationStatus == ParticipationStatus.InProgress)
            {
                return new Access(Outcome.Editable);
            }
        }
        throw new InvalidOperationException($"The status of participation {participationId} kept changing; try again.");
    }

    /// <summary>Whether the participation, as read, is missing or may not be edited; the same test before and under the lock.</summary>
    private static bool Refuses([NotNullWhen(false)] ParticipationState.Row? state, [NotNullWhen(true)] out Access? refused)
    {
        if (state is null)
        {
            refused = new Access(Outcome.NotFound);
            return true;
        }
        var check = ParticipationRules.CanEditAnswers(state.Round, state.ParticipationStatus);
        refused = check.IsAllowed ? null : new Access(Outcome.NotEditable, check.Reason);
        return refused is not null;
    }
}
