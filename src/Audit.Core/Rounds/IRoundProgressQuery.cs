using Audit.Core.Institutions;

namespace Audit.Core.Rounds;

/// <summary>
/// Where one participation stands. <see cref="LastActivityAt"/> is the latest answer change (saved, cleared or
/// prefilled) or status change; null when nothing happened since the invitation.
/// </summary>
public sealed record ParticipationProgress(
    string ParticipationId,
    string InstitutionId,
    string InstitutionName,
    InstitutionType InstitutionType,
    ParticipationStatus Status,
    int AnsweredCount,
    DateTimeOffset? LastActivityAt);

/// <summary>The current answers of one participation: question key to value JSON.</summary>
public sealed record ParticipationAnswerValues(string ParticipationId, IReadOnlyDictionary<string, string> ValuesJson);

/// <summary>The progress overview of a round, for the bureau.</summary>
public interface IRoundProgressQuery
{
    /// <summary>Every participation of the round, by institution id; empty for an unknown round.</summary>
    Task<IReadOnlyList<ParticipationProgress>> ListAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The current answers of every participation in the round that has any, one participation at a time, in one
    /// query: what "answered of required" is computed from (required depends on the answers), without a query per
    /// participation.
    /// </summary>
    IAsyncEnumerable<ParticipationAnswerValues> StreamAnswersAsync(string roundId, CancellationToken cancellationToken = default);
}
