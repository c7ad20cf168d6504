namespace Audit.Core.Answers;

/// <summary>The current answers of one participation: question key to value JSON.</summary>
public sealed record ParticipationAnswerValues(string ParticipationId, IReadOnlyDictionary<string, string> ValuesJson);

/// <summary>
/// The current answers of a whole round in one query, for the views that need every participation's answers at once
/// (progress, the answers workbook) and would otherwise ask once per participation.
/// </summary>
public interface IRoundAnswersReader
{
    /// <summary>
    /// Every participation of the round that has answers, one at a time, whatever its status; participations
    /// without answers are not listed. Nothing for an unknown round.
    /// </summary>
    IAsyncEnumerable<ParticipationAnswerValues> StreamAsync(string roundId, CancellationToken cancellationToken = default);
}
