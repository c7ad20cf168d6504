using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Rounds;

namespace Audit.Core.Mail;

/// <summary>A person to write to about a participation: an active respondent of the participating institution.</summary>
public sealed record Contact(string UserId, string Name, string Email);

/// <summary>
/// A participation of a round with its contacts (none when the institution has no active respondent yet).
/// <see cref="ClosesAt"/> is its own deadline, null when the round's holds.
/// </summary>
public sealed record ParticipationContacts(
    string ParticipationId,
    string InstitutionId,
    string InstitutionName,
    InstitutionType InstitutionType,
    ParticipationStatus Status,
    IReadOnlyList<Contact> Contacts,
    DateTimeOffset? ClosesAt = null)
{
    public DateTimeOffset EffectiveClosesAt(Round round) => ClosesAt ?? round.ClosesAt;
}

/// <summary>
/// The record that a respondent was invited to a round by e-mail: the live invitation link (its token) and how
/// often one was sent. One per (round, user).
/// </summary>
public sealed record RoundInvitation(string RoundId, string UserId, string TokenId, string MailId, int Sends, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// One invitation mail to write: the one-time link's token (hashed), the mail carrying the plain link, and the audit
/// event. <see cref="ReplacesTokenId"/> is null for a first invitation; for a re-send it names the link being replaced,
/// which is revoked.
/// </summary>
public sealed record InvitationWrite(string RoundId, StoredToken Token, OutgoingMail Mail, AuditEvent Audit, string? ReplacesTokenId = null);

public enum InvitationWriteOutcome
{
    Queued,

    /// <summary>The user already has an invitation to the round (a first invitation was asked for).</summary>
    AlreadyInvited,

    /// <summary>The link to replace is no longer the current one: someone re-sent meanwhile. Nothing was written.</summary>
    Superseded,
}

/// <summary>
/// Mail about rounds to institution contacts. Each queued mail is written in one transaction with its cause (the
/// invitation token) and its audit event, and the uniqueness that keeps it from being sent twice is a database
/// constraint, not a check made before the insert: two workers or two button presses cannot both win.
/// </summary>
public interface IRoundMailRepository
{
    /// <summary>Every participation of the round with its active respondents, ordered by institution id.</summary>
    Task<IReadOnlyList<ParticipationContacts>> ContactsAsync(string roundId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RoundInvitation>> InvitationsAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A first invitation inserts the (round, user) record, the token, the mail and the audit event, or nothing when the
    /// record exists. A re-send swaps the record's token by compare-and-set on <see cref="InvitationWrite.ReplacesTokenId"/>,
    /// revokes the old token and queues the mail, or writes nothing when the record moved on.
    /// </summary>
    Task<InvitationWriteOutcome> QueueInvitationAsync(InvitationWrite write, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Queues the mail with its audit event unless the outbox holds one with its dedupe key; true when queued.</summary>
    Task<bool> QueueAsync(OutgoingMail mail, AuditEvent audit, DateTimeOffset now, CancellationToken cancellationToken = default);
}
