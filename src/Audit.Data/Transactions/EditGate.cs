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
            if (state is null)
            {
                return new Access(Outcome.NotFound);
            }
            var check = ParticipationRules.CanEditAnswers(state.Round, state.ParticipationStatus);
            if (!check.IsAllowed)
            {
                return new Access(Outcome.NotEditable, check.Reason);
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
            if (locked is null)
            {
                return new Access(Outcome.NotFound);
            }
            var lockedCheck = ParticipationRules.CanEditAnswers(locked.Round, locked.ParticipationStatus);
            if (!lockedCheck.IsAllowed)
            {
                return new Access(Outcome.NotEditable, lockedCheck.Reason);
            }
            if (locked.ParticipationStatus == ParticipationStatus.InProgress)
            {
                return new Access(Outcome.Editable);
            }
        }
        throw new InvalidOperationException($"The status of participation {participationId} kept changing; try again.");
    }
}
