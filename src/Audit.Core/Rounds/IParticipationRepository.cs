using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Paging;

namespace Audit.Core.Rounds;

/// <summary>
/// A participation as stored, with the institution's name and type joined in (sector views group by type).
/// The timestamps record the latest submission, acceptance and return. <see cref="RowVersion"/> starts at 1
/// and grows with every change.
/// </summary>
public sealed record ParticipationRecord(
    string Id,
    string RoundId,
    string InstitutionId,
    string InstitutionName,
    InstitutionType InstitutionType,
    ParticipationStatus Status,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ReturnedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int RowVersion);

public enum InviteOutcome
{
    Done,
    RoundNotFound,

    /// <summary>Some institution ids are unknown or inactive; nobody was invited.</summary>
    InstitutionsNotInvitable,
}

/// <summary>
/// The outcome of an invitation. On <see cref="InviteOutcome.Done"/>, <see cref="Participations"/> holds the
/// participation of every institution asked for, new and existing alike, and <see cref="CreatedIds"/> the ids
/// of the new ones. Otherwise nothing was written.
/// </summary>
public sealed record InviteResult(
    InviteOutcome Outcome,
    IReadOnlyList<ParticipationRecord> Participations,
    IReadOnlyList<string> CreatedIds,
    IReadOnlyList<string> UnknownInstitutionIds,
    IReadOnlyList<string> InactiveInstitutionIds);

/// <summary>
/// Institutions in rounds. Implementations are stateless; each call is one unit of work. Whether the round's
/// status permits an action is decided by the caller with <see cref="ParticipationRules"/>.
/// </summary>
public interface IParticipationRepository
{
    /// <summary>
    /// Invites the given institutions: idempotent, existing participations are left untouched. All or nothing:
    /// an unknown or inactive id invites nobody. One <c>participation.invited</c> event per new participation.
    /// </summary>
    Task<InviteResult> InviteAsync(
        string roundId, IReadOnlyCollection<string> institutionIds, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Invites every active institution of the given types; idempotent like <see cref="InviteAsync"/>.</summary>
    Task<InviteResult> InviteByTypesAsync(
        string roundId, IReadOnlyCollection<InstitutionType> types, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Ordered by institution id. An unknown round gives an empty page.</summary>
    Task<Page<ParticipationRecord>> ListByRoundAsync(string roundId, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The institution types that take part in the round, in enum order; one query however large the round.</summary>
    Task<IReadOnlyList<InstitutionType>> InstitutionTypesAsync(string roundId, CancellationToken cancellationToken = default);

    Task<ParticipationRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<ParticipationRecord?> FindAsync(string roundId, string institutionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compare-and-set like <see cref="IRoundRepository.ChangeStatusAsync"/>. Moving to submitted, accepted or
    /// returned stamps <c>SubmittedAt</c>, <c>AcceptedAt</c> or <c>ReturnedAt</c> with the audit event's time.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="ParticipationTransitions"/> does not allow the change.</exception>
    Task<StatusChangeResult<ParticipationRecord>> ChangeStatusAsync(
        string id, ParticipationStatus expected, ParticipationStatus to, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>Oldest first.</summary>
    Task<IReadOnlyList<StatusHistoryEntry<ParticipationStatus>>> StatusHistoryAsync(string id, CancellationToken cancellationToken = default);
}
