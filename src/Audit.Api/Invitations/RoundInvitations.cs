using Audit.Api.Access;
using Audit.Api.Hosting;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Mail;
using Audit.Core.Rounds;

namespace Audit.Api.Invitations;

public enum InvitationBatchOutcome
{
    Done,
    RoundNotFound,

    /// <summary>Only an open round's contacts are invited: in a draft round they would find nothing, after it nothing to do.</summary>
    RoundNotOpen,

    InvalidInstitutionType,

    /// <summary><see cref="AuditOptions.PublicBaseUrl"/> is not set, so a link cannot be written.</summary>
    NoPublicBaseUrl,
}

/// <summary>
/// What pressing "send invitations" did. <see cref="Queued"/> counts first invitations, <see cref="Resent"/> replaced
/// links (only with resend), <see cref="SkippedAlreadyInvited"/> contacts that already had an invitation to the round,
/// and <see cref="WithoutContact"/> participations whose institution has no active respondent, listed by institution
/// id in <see cref="InstitutionsWithoutContact"/>. <see cref="Problem"/> explains any outcome other than Done.
/// </summary>
public sealed record InvitationBatch(
    InvitationBatchOutcome Outcome,
    int Queued = 0,
    int Resent = 0,
    int SkippedAlreadyInvited = 0,
    int WithoutContact = 0,
    IReadOnlyList<string>? InstitutionsWithoutContact = null,
    string? Problem = null);

/// <summary>
/// Invitation mails for a round: every active respondent of every participating institution gets a personal one-time
/// link to <c>/uitnodiging/{token}</c>. Each mail is queued in the outbox in one transaction with its token (stored
/// hashed) and an <c>invitation.created</c> audit event; the (round, user) record makes a second press send nothing.
/// With <c>resend</c>, contacts that were invited already get a fresh link and their previous one is revoked.
/// Callable from the API and from a page handler alike: it needs no request.
/// </summary>
public sealed class RoundInvitations(IRoundRepository rounds, IRoundMailRepository roundMail, IAuditEventRepository auditTrail, PublicLinks links, TimeProvider clock)
{
    /// <summary>How long after the deadline a link still works: late signers-in can still read their feedback.</summary>
    public static readonly TimeSpan LinkGrace = TimeSpan.FromDays(14);

    public async Task<InvitationBatch> SendAsync(
        string roundId, Actor actor, string? institutionType = null, bool resend = false, CancellationToken cancellationToken = default)
    {
        InstitutionType? type = null;
        if (institutionType is not null)
        {
            if (!InstitutionTypes.TryParse(institutionType, out var parsed))
            {
                return new(InvitationBatchOutcome.InvalidInstitutionType,
                    Problem: $"'{institutionType}' is not an institution type; expected one of: {string.Join(", ", InstitutionTypes.WireNames)}.");
            }
            type = parsed;
        }
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } record)
        {
            return new(InvitationBatchOutcome.RoundNotFound, Problem: $"Round '{roundId}' does not exist.");
        }
        var round = record.Round;
        if (round.Status != RoundStatus.Open)
        {
            return new(InvitationBatchOutcome.RoundNotOpen,
                Problem: $"Invitations are sent for an open round; this round is '{round.Status.ToWireName()}'.");
        }
        if (!links.IsConfigured)
        {
            return new(InvitationBatchOutcome.NoPublicBaseUrl, Problem: PublicLinks.NotConfigured);
        }

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

        var now = clock.GetUtcNow();
        var summary = $"{queued} queued, {resent} re-sent, {skipped} already invited, {withoutContact.Count} without contact" +
                      (type is { } t ? $", type {t.ToWireName()}" : "");
        await auditTrail.RecordAsync(actor.Did("round.invitations-sent", "round", roundId, now, summary), cancellationToken);
        return new(InvitationBatchOutcome.Done, queued, resent, skipped, withoutContact.Count, withoutContact);
    }

    private InvitationWrite Write(Round round, ParticipationContacts participation, Contact contact, Actor actor, RoundInvitation? previous)
    {
        var now = clock.GetUtcNow();
        var token = AccessTokens.NewToken();
        var expiresAt = (round.ClosesAt > now ? round.ClosesAt : now).Add(LinkGrace);
        var stored = StoredToken.For(contact.UserId, TokenKind.Invitation, token, now, expiresAt);
        var text = RoundMailTexts.Invitation(
            new RoundMailTexts.Context(contact.Name, participation.InstitutionName, round.Title, round.ClosesAt),
            links.For(InvitationApi.PathFor(token)), expiresAt);
        var sends = (previous?.Sends ?? 0) + 1;
        var mail = new OutgoingMail(AccessTokens.NewId("m_"), DedupeKey(round.Id, contact.UserId, sends), contact.Email, text.Subject, text.Body);
        var audit = actor.Did("invitation.created", "token", stored.Id, now,
            $"round {round.Id}, participation {participation.ParticipationId}, user {contact.UserId}, mail {sends}");
        return new InvitationWrite(round.Id, stored, mail, audit, previous?.TokenId);
    }

    /// <summary>The outbox key of the <paramref name="sends"/>-th invitation mail of a user to a round.</summary>
    public static string DedupeKey(string roundId, string userId, int sends) => $"invitation:{roundId}:{userId}:{sends}";
}
