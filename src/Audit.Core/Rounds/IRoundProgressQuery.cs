using Audit.Core.Institutions;

namespace Audit.Core.Rounds;

/// <summary>
/// Where one participation stands. <see cref="LastActivityAt"/> is the latest answer change (saved, cleared or
/// prefilled) or status change; null when nothing happened since the invitation. <see cref="ClosesAt"/> is the
/// institution's own deadline, null when the round's holds.
/// </summary>
public sealed record ParticipationProgress(
    string ParticipationId,
    string InstitutionId,
    string InstitutionName,
    InstitutionType InstitutionType,
    ParticipationStatus Status,
    int AnsweredCount,
    DateTimeOffset? LastActivityAt,
    DateTimeOffset? ClosesAt = null);

/// <summary>The progress overview of a round, for the bureau.</summary>
public interface IRoundProgressQuery
{
    /// <summary>Every participation of the round, by institution id; empty for an unknown round.</summary>
    Task<IReadOnlyList<ParticipationProgress>> ListAsync(string roundId, CancellationToken cancellationToken = default);
}
