using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Mail;
using Audit.Core.Paging;

namespace Audit.Core.Rounds;

/// <summary>
/// A participation as stored, with the institution's name and type joined in (sector views group by type).
/// The timestamps record the latest submission, acceptance and return. <see cref="RowVersion"/> starts at 1
/// and grows with every change. <see cref="ClosesAt"/> is the institution's own deadline, null when the round's holds.
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
    int RowVersion,
    DateTimeOffset? ClosesAt = null)
{
    /// <summary>The deadline that holds for this institution: its own when the bureau extended it, else the round's.</summary>
    public DateTimeOffset EffectiveClosesAt(Round round) => ClosesAt ?? round.ClosesAt;
}

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
/// of the new ones (and of removed ones that came back). Otherwise nothing was written.
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

    /// <summary>
    /// Sets the participation's own deadline (null: the round's holds again) with the audit event, and queues
    /// <paramref name="mails"/> (those whose dedupe key the outbox does not hold yet), in one transaction. Null when
    /// there is no such participation; then nothing is written.
    /// </summary>
    Task<ParticipationRecord?> SetDeadlineAsync(
        string id, DateTimeOffset? closesAt, IReadOnlyList<OutgoingMail> mails, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the institution out of the round, with the audit event, in one transaction. The participation is
    /// hidden, not deleted (answers and submissions are append-only); inviting the institution again restores it.
    /// Unless <paramref name="evenWithAnswers"/>, a participation with answers, evidence or a submission is kept.
    /// </summary>
    Task<ParticipationRemoveOutcome> RemoveAsync(string id, bool evenWithAnswers, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>How many answers the participation has (0 for an unknown one): what a removal would hide.</summary>
    Task<int> AnswerCountAsync(string id, CancellationToken cancellationToken = default);
}

public enum ParticipationRemoveOutcome
{
    Removed,
    NotFound,

    /// <summary>It has answers, evidence or a submission, and the removal was not confirmed; nothing changed.</summary>
    HasAnswers,
}
