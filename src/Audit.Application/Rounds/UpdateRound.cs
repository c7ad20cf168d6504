namespace Audit.Application.Rounds;

/// <summary>
/// An admin changes a draft or open round's title, deadline (<c>closesAt</c>, normally to extend it), reference date or cycle,
/// without overwriting a colleague: the writer names the version it edited (If-Match, the round's ETag). Order of the
/// checks: the round must exist (404), the header be well formed and the fields valid (400, every field at once), the
/// version be named (428) and current (412, with the round as it now is), and the round still draft or open (409).
/// </summary>
public sealed class UpdateRound(IRoundRepository rounds, TimeProvider clock)
{
    public async Task<Outcome<RoundRecord>> ExecuteAsync(
        Caller caller, string roundId, RoundChanges changes, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var found = await rounds.FindAsync(roundId, cancellationToken);
        if (!found.TryGetValue(out var current, out var failure))
        {
            return failure;
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        var errors = RoundRules.ValidateChanges(current.Round, changes);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(FieldErrors.ToDictionary(errors));
        }
        if (!ifMatch.IsPresent)
        {
            return new Failure.PreconditionRequired(
                $"Send If-Match with the version of the round you edited (now {current.RowVersion}).", current.RowVersion) { Extensions = Current(current) };
        }
        if (ifMatch.MatchFor(current.RowVersion) is not { } expected)
        {
            return Stale(current);
        }
        if (RoundRules.CanChange(current.Round.Status) is { IsAllowed: false } denied)
        {
            return new Failure.Conflict(denied.Reason!);
        }
        var changed = RoundRules.Apply(current.Round, changes);
        var audit = caller.ToActor().Did("round.changed", "round", roundId, clock.GetUtcNow(), Describe(current.Round, changed));
        var result = await rounds.UpdateAsync(changed, expected, audit, cancellationToken);
        if (result.Updated)
        {
            return result.Current!;
        }
        // Changed meanwhile: gone, moved on to closed, or edited by a colleague.
        return result.Current switch
        {
            null => RoundLookup.NotFound(roundId),
            { Round.Status: var status } when !RoundRules.CanChange(status).IsAllowed => new Failure.Conflict(RoundRules.CanChange(status).Reason!),
            var now => Stale(now),
        };
    }

    private static Failure.Stale Stale(RoundRecord current) =>
        new($"The round was changed meanwhile; it is now at version {current.RowVersion}.", current.RowVersion) { Extensions = Current(current) };

    private static Dictionary<string, object?> Current(RoundRecord current) => new() { ["current"] = current };

    /// <summary>What changed, for the audit trail: old → new per field.</summary>
    private static string Describe(Round before, Round after)
    {
        var parts = new List<string>();
        if (before.Title != after.Title)
        {
            parts.Add($"title '{before.Title}' → '{after.Title}'");
        }
        if (before.ClosesAt != after.ClosesAt)
        {
            parts.Add($"closesAt {before.ClosesAt:O} → {after.ClosesAt:O}");
        }
        if (before.ReferenceDate != after.ReferenceDate)
        {
            parts.Add($"referenceDate {before.ReferenceDate:yyyy-MM-dd} → {after.ReferenceDate:yyyy-MM-dd}");
        }
        if (before.Cycle != after.Cycle)
        {
            parts.Add($"cycle '{before.Cycle}' → '{after.Cycle}'");
        }
        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }
}
