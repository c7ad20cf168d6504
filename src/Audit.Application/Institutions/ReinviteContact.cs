using Audit.Application.Invitations;
using Audit.Application.Rounds;
using Audit.Core.Mail;

namespace Audit.Application.Institutions;

/// <summary>The rounds a contact person was mailed a new link for.</summary>
public sealed record Reinvitation(string UserId, IReadOnlyList<string> RoundIds);

/// <summary>
/// The bureau re-invites one contact person: for every open round their institution takes part in, a new one-time
/// link is mailed and the previous one is revoked, as "send again" does for a whole round (the same mail, outbox
/// dedupe key and audit event, through <see cref="SendRoundInvitations"/>). Without an open round there is nothing to
/// invite to (409); a deactivated contact is activated first, deliberately, by the bureau (409).
/// </summary>
public sealed class ReinviteContact(
    IUserRepository users, IInstitutionDirectory directory, IRoundRepository rounds, IRoundMailRepository roundMail,
    SendRoundInvitations invitations, IInvitationMails mails, TimeProvider clock)
{
    /// <summary>The problem member that tells the refusals apart; <see cref="InactiveReason"/> for a deactivated contact.</summary>
    public const string ReasonExtension = "reason";

    public const string InactiveReason = "contact-inactive";

    public async Task<Outcome<Reinvitation>> ExecuteAsync(Caller caller, string institutionId, string userId, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        var found = await ReadContacts.ContactAsync(users, institutionId, userId, cancellationToken);
        if (!found.TryGetValue(out var user, out var failure))
        {
            return failure;
        }
        if (!user.Active)
        {
            return new Failure.Conflict($"Contact person '{userId}' is deactivated; activate them before inviting them again.")
            {
                Extensions = new Dictionary<string, object?> { [ReasonExtension] = InactiveReason },
            };
        }
        var open = (await directory.ParticipationsAsync(institutionId, cancellationToken)).Where(p => p.RoundStatus == RoundStatus.Open).ToList();
        if (open.Count == 0)
        {
            return new Failure.Conflict($"Institution '{institutionId}' takes part in no open round, so there is nothing to invite to.");
        }
        if (mails.Unavailable is { } unavailable)
        {
            return new Failure.Unavailable(unavailable);
        }
        var actor = caller.ToActor();
        var invited = new List<string>();
        foreach (var participation in open)
        {
            var lookup = await rounds.FindAsync(participation.RoundId, cancellationToken);
            if (!lookup.TryGetValue(out var record, out _) || record.Round.Status != RoundStatus.Open)
            {
                continue; // closed since the list was read
            }
            var contacts = (await roundMail.ContactsAsync(participation.RoundId, cancellationToken))
                .FirstOrDefault(p => p.ParticipationId == participation.ParticipationId);
            if (contacts?.Contacts.FirstOrDefault(c => c.UserId == userId) is not { } contact)
            {
                continue;
            }
            var previous = (await roundMail.InvitationsAsync(participation.RoundId, cancellationToken)).FirstOrDefault(i => i.UserId == userId);
            var write = invitations.Write(record.Round, contacts, contact, actor, previous);
            if (await roundMail.QueueInvitationAsync(write, clock.GetUtcNow(), cancellationToken) == InvitationWriteOutcome.Queued)
            {
                invited.Add(participation.RoundId);
            }
        }
        if (invited.Count == 0)
        {
            return new Failure.Conflict("Someone else sent this contact person a new link at the same moment; nothing more was sent.");
        }
        return new Reinvitation(userId, invited);
    }
}
