namespace Audit.Core.Rounds;

/// <summary>
/// The answer to "may the status change from <see cref="From"/> to <see cref="To"/>?".
/// When it may not, <see cref="Error"/> is a sentence for a 409 problem detail that names the allowed
/// targets, and <see cref="Allowed"/> holds them for clients that want to offer only valid actions.
/// </summary>
public sealed record TransitionCheck<TStatus>(
    TStatus From,
    TStatus To,
    bool IsAllowed,
    IReadOnlyList<TStatus> Allowed,
    string? Error)
    where TStatus : struct, Enum;

/// <summary>
/// A state machine as data: from each status, the statuses it may move to. Changing to the same status
/// is not a transition and is refused; callers that want idempotent updates should compare first.
/// </summary>
internal sealed class TransitionTable<TStatus>(
    IReadOnlyDictionary<TStatus, TStatus[]> targets,
    Func<TStatus, string> wireName)
    where TStatus : struct, Enum
{
    public IReadOnlyList<TStatus> Allowed(TStatus from) =>
        targets.TryGetValue(from, out var to)
            ? to
            : throw new ArgumentOutOfRangeException(nameof(from), from, null);

    public TransitionCheck<TStatus> Check(TStatus from, TStatus to)
    {
        var allowed = Allowed(from);
        if (allowed.Contains(to))
            return new(from, to, true, allowed, null);

        // A final status gets an explicit remark, so the reader learns why nothing is possible.
        var list = allowed.Count == 0
            ? $"none ('{wireName(from)}' is final)"
            : string.Join(", ", allowed.Select(wireName));
        return new(from, to, false, allowed, $"Cannot change status from '{wireName(from)}' to '{wireName(to)}'. Allowed: {list}.");
    }
}
