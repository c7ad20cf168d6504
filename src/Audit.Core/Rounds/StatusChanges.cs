namespace Audit.Core.Rounds;

public enum StatusChangeOutcome
{
    Changed,

    /// <summary>No round or participation with that id.</summary>
    NotFound,

    /// <summary>
    /// The status was no longer the expected one: another change won the race, or the caller decided on a
    /// stale read. Nothing was written.
    /// </summary>
    StatusMismatch,
}

/// <summary>
/// The outcome of a compare-and-set status change. <see cref="Record"/> is the row after the change when
/// it <see cref="Changed"/>, the row as it now is on a mismatch (so the caller can name the actual status),
/// and null when not found.
/// </summary>
public sealed record StatusChangeResult<TRecord>(StatusChangeOutcome Outcome, TRecord? Record)
    where TRecord : class
{
    public bool Changed => Outcome == StatusChangeOutcome.Changed;
}

/// <summary>One entry of a status history: which change, when, and by whom.</summary>
public sealed record StatusHistoryEntry<TStatus>(TStatus From, TStatus To, DateTimeOffset ChangedAt, string? ActorId)
    where TStatus : struct, Enum;
