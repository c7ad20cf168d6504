namespace Audit.Application.Rounds;

/// <summary>Finding a round for a use case: an unknown round is "not found", worded once for every operation on rounds.</summary>
public static class RoundLookup
{
    public static Failure.NotFound NotFound(string roundId) => new($"Round '{roundId}' does not exist.");

    public static async Task<Outcome<RoundRecord>> FindAsync(this IRoundRepository rounds, string roundId, CancellationToken cancellationToken) =>
        await rounds.GetAsync(roundId, cancellationToken) is { } record ? record : NotFound(roundId);
}
