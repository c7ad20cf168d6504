using Audit.Application.Rounds;

namespace Audit.Application.Reports;

/// <summary>The refusal the round-wide report operations share, worded once; an unknown round is <see cref="RoundLookup"/>'s.</summary>
internal static class ReportChecks
{
    /// <summary>The round, when it exists and <paramref name="caller"/> is the bureau (the endpoints' policies say so too).</summary>
    public static async Task<Outcome<RoundRecord>> BureauRoundAsync(
        this IRoundRepository rounds, Caller caller, string roundId, CancellationToken cancellationToken) =>
        caller.IsBureau ? await rounds.FindAsync(roundId, cancellationToken) : new Failure.Forbidden("Only the auditing bureau does this.");
}
