namespace Audit.Application.Reviews;

/// <summary>The bureau's side of a participation: reviewing it, writing findings, reading its whole file.</summary>
internal static class BureauScopes
{
    /// <summary>
    /// The participation when <paramref name="caller"/> is the bureau. Visibility comes first, so whoever may not see
    /// it hears "not found" as everywhere else; an institution's own respondent hears "forbidden".
    /// </summary>
    public static async Task<Outcome<ParticipationScope>> ForBureauAsync(
        this ParticipationScopes scopes, string participationId, Caller caller, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        return found.IsOk && !caller.IsBureau ? new Failure.Forbidden("Only the auditing bureau reviews submissions and writes findings.") : found;
    }
}
