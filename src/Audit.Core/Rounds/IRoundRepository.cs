using Audit.Core.AuditTrail;
using Audit.Core.Paging;

namespace Audit.Core.Rounds;

/// <summary>
/// A round as stored. <see cref="RowVersion"/> starts at 1 and grows with every change, for optimistic
/// concurrency (an ETag).
/// </summary>
public sealed record RoundRecord(Round Round, int RowVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public enum RoundInsertOutcome
{
    Inserted,
    IdTaken,
    QuestionnaireNotFound,
    BaselineNotFound,
}

/// <summary>A round change: <see cref="Current"/> is the round after it, or as it stands when it was not <see cref="Updated"/>.</summary>
public sealed record RoundUpdateResult(bool Updated, RoundRecord? Current);

/// <summary>Filter for the round list; a null field does not filter.</summary>
public sealed record RoundQuery(RoundStatus? Status = null, string? Cycle = null);

/// <summary>
/// Audit rounds. Implementations are stateless; each call is one unit of work. Changes are recorded with
/// their audit event in the same transaction, and the event's time is the change's time.
/// </summary>
public interface IRoundRepository
{
    /// <summary>Newest opening first, then by id.</summary>
    Task<Page<RoundRecord>> ListAsync(RoundQuery query, PageRequest page, CancellationToken cancellationToken = default);

    Task<RoundRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts the round as given (normally in status draft, from <see cref="RoundRules.TryCreate"/>). The
    /// questionnaire version and the baseline round must exist; the outcome names the first missing one.
    /// </summary>
    Task<RoundInsertOutcome> InsertAsync(Round round, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compare-and-set: changes the status to <paramref name="to"/> only while it is still
    /// <paramref name="expected"/>, so of two concurrent changes from the same status exactly one wins.
    /// Appends to the status history and the audit trail in the same transaction.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="RoundTransitions"/> does not allow the change: check it first.</exception>
    Task<StatusChangeResult<RoundRecord>> ChangeStatusAsync(
        string id, RoundStatus expected, RoundStatus to, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compare-and-set: writes the title, deadline and reference date of <paramref name="changed"/> only while the
    /// round is still at <paramref name="expectedVersion"/> and draft or open, with the audit event, in one
    /// transaction. Returns the round as it is afterwards (null when it does not exist) and whether it was written.
    /// </summary>
    Task<RoundUpdateResult> UpdateAsync(Round changed, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>Oldest first.</summary>
    Task<IReadOnlyList<StatusHistoryEntry<RoundStatus>>> StatusHistoryAsync(string id, CancellationToken cancellationToken = default);
}
