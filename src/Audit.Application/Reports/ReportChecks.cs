namespace Audit.Application.Reports;

/// <summary>The refusals the round-wide operations share, worded once.</summary>
internal static class ReportChecks
{
    public static async Task<Outcome<RoundRecord>> ExistingRoundAsync(this IRoundRepository rounds, string roundId, CancellationToken cancellationToken) =>
        await rounds.GetAsync(roundId, cancellationToken) is { } round ? round : new Failure.NotFound($"Round '{roundId}' does not exist.");

    /// <summary>The round, when it exists and <paramref name="caller"/> is the bureau (the endpoints' policies say so too).</summary>
    public static async Task<Outcome<RoundRecord>> BureauRoundAsync(
        this IRoundRepository rounds, Caller caller, string roundId, CancellationToken cancellationToken) =>
        caller.IsBureau ? await rounds.ExistingRoundAsync(roundId, cancellationToken) : new Failure.Forbidden("Only the auditing bureau does this.");
}
