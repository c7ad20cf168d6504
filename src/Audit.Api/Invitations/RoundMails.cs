using Audit.Api.Hosting;
using Audit.Application.Invitations;
using Audit.Core.Mail;
using Audit.Core.Rounds;

namespace Audit.Api.Invitations;

/// <summary>
/// The invitation and reminder mails of a round as people get them: <see cref="RoundMailTexts"/> with absolute links
/// to this service's pages (<see cref="PublicLinks"/>).
/// </summary>
public sealed class RoundMails(PublicLinks links) : IInvitationMails
{
    public string? Unavailable => links.IsConfigured ? null : PublicLinks.NotConfigured;

    /// <summary>The page a reminder links to: the respondent's overview of the participation (sign-in comes first when needed).</summary>
    public static string ParticipationPath(string participationId) => $"/deelnames/{Uri.EscapeDataString(participationId)}/overzicht";

    public MailText Invitation(Round round, ParticipationContacts participation, Contact contact, string token, DateTimeOffset linkExpiresAt) =>
        RoundMailTexts.Invitation(ContextOf(round, participation, contact), links.For(InvitationApi.PathFor(token)), linkExpiresAt);

    public MailText Reminder(Round round, ParticipationContacts participation, Contact contact, DateTimeOffset now) =>
        RoundMailTexts.Reminder(ContextOf(round, participation, contact), links.For(ParticipationPath(participation.ParticipationId)),
            ReminderSchedule.DaysLeft(round.ClosesAt, now), participation.Status == ParticipationStatus.Returned);

    private static RoundMailTexts.Context ContextOf(Round round, ParticipationContacts participation, Contact contact) =>
        new(contact.Name, participation.InstitutionName, round.Title, round.ClosesAt);
}
