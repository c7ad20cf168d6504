using Audit.Application.Rounds;
using Audit.Core.AuditTrail;
using Audit.Core.Mail;

namespace Audit.Application.Invitations;

/// <summary>
/// What pressing "send invitations" did. <see cref="Queued"/> counts first invitations, <see cref="Resent"/> replaced
/// links (only with resend), <see cref="SkippedAlreadyInvited"/> contacts that already had an invitation to the round,
/// and <see cref="WithoutContact"/> participations whose institution has no active respondent, listed by institution
/// id in <see cref="InstitutionsWithoutContact"/>.
/// </summary>
public sealed record InvitationBatch(int Queued, int Resent, int SkippedAlreadyInvited, int WithoutContact, IReadOnlyList<string> InstitutionsWithoutContact);

/// <summary>
/// The bureau mails a round's invitations: every active respondent of every participating institution (optionally of
/// one type) gets a personal one-time link. Each mail is queued in the outbox in one transaction with its token
/// (stored hashed) and an <c>invitation.created</c> audit event; the (round, user) record makes a second press send
/// nothing. With <c>resend</c>, contacts that were invited already get a fresh link and their previous one is revoked.
/// Only for an open round: in a draft round they would find nothing, after it nothing to do.
/// </summary>
public sealed class SendRoundInvitations(
    IRoundRepository rounds, IRoundMailRepository roundMail, IAuditEventRepository auditTrail, IInvitationMails mails, TimeProvider clock)
{
    /// <summary>How long after the deadline a link still works: late signers-in can still read their feedback.</summary>
    public static readonly TimeSpan LinkGrace = TimeSpan.FromDays(14);

    public async Task<Outcome<InvitationBatch>> ExecuteAsync(
        Caller caller, string roundId, string? institutionType, bool resend, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        var type = WireValues.InstitutionType(institutionType, "institutionType", errors, "an institution type");
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        var found = await rounds.FindAsync(roundId, cancellationToken);
        if (!found.TryGetValue(out var record, out var failure))
        {
            return failure;
        }
        var round = record.Round;
        if (round.Status != RoundStatus.Open)
        {
            return new Failure.Conflict($"Invitations are sent for an open round; this round is '{round.Status.ToWireName()}'.");
        }
        if (mails.Unavailable is { } unavailable)
        {
            return new Failure.Unavailable(unavailable);
        }

        var actor = caller.ToActor();
        var existing = (await roundMail.InvitationsAsync(roundId, cancellationToken)).ToDictionary(i => i.UserId, StringComparer.Ordinal);
        int queued = 0, resent = 0, skipped = 0;
        var withoutContact = new List<string>();
        foreach (var participation in await roundMail.ContactsAsync(roundId, cancellationToken))
        {
            if (type is { } wanted && participation.InstitutionType != wanted)
            {
                continue;
            }
            if (participation.Contacts.Count == 0)
            {
                withoutContact.Add(participation.InstitutionId);
                continue;
            }
            foreach (var contact in participation.Contacts)
            {
                var previous = existing.GetValueOrDefault(contact.UserId);
                if (previous is not null && !resend)
                {
                    skipped++;
                    continue;
                }
                var outcome = await roundMail.QueueInvitationAsync(Write(round, participation, contact, actor, previous), clock.GetUtcNow(), cancellationToken);
                switch (outcome)
                {
                    case InvitationWriteOutcome.Queued when previous is null: queued++; break;
                    case InvitationWriteOutcome.Queued: resent++; break;
                    default: skipped++; break; // a concurrent press got there first
                }
            }
        }

        var summary = $"{queued} queued, {resent} re-sent, {skipped} already invited, {withoutContact.Count} without contact" +
                      (type is { } t ? $", type {t.ToWireName()}" : "");
        await auditTrail.RecordAsync(actor.Did("round.invitations-sent", "round", roundId, clock.GetUtcNow(), summary), cancellationToken);
        return new InvitationBatch(queued, resent, skipped, withoutContact.Count, withoutContact);
    }

    /// <summary>The invitation of one contact: a fresh token, its mail and audit event; it replaces <paramref name="previous"/>'s link when given.</summary>
    internal InvitationWrite Write(Round round, ParticipationContacts participation, Contact contact, Actor actor, RoundInvitation? previous)
    {
        var now = clock.GetUtcNow();
        var token = AccessTokens.NewToken();
        var expiresAt = (round.ClosesAt > now ? round.ClosesAt : now).Add(LinkGrace);
        var stored = StoredToken.For(contact.UserId, TokenKind.Invitation, token, now, expiresAt);
        var text = mails.Invitation(round, participation, contact, token, expiresAt);
        var sends = (previous?.Sends ?? 0) + 1;
        var mail = new OutgoingMail(AccessTokens.NewId("m_"), DedupeKey(round.Id, contact.UserId, sends), contact.Email, text.Subject, text.Body);
        var audit = actor.Did("invitation.created", "token", stored.Id, now,
            $"round {round.Id}, participation {participation.ParticipationId}, user {contact.UserId}, mail {sends}");
        return new InvitationWrite(round.Id, stored, mail, audit, previous?.TokenId);
    }

    /// <summary>The outbox key of the <paramref name="sends"/>-th invitation mail of a user to a round.</summary>
    public static string DedupeKey(string roundId, string userId, int sends) => $"invitation:{roundId}:{userId}:{sends}";
}
