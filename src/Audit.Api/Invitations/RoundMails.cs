using Audit.Api.Hosting;
using Audit.Application.Invitations;
using Audit.Application.Participations;
using Audit.Core.Mail;
using Audit.Core.Rounds;

namespace Audit.Api.Invitations;

/// <summary>
/// The invitation and reminder mails of a round as people get them: <see cref="RoundMailTexts"/> with absolute links
/// to this service's pages (<see cref="PublicLinks"/>).
/// </summary>
public sealed class RoundMails(PublicLinks links) : IInvitationMails, IDeadlineMails
{
    public string? Unavailable => links.IsConfigured ? null : PublicLinks.NotConfigured;

    /// <summary>The page a reminder links to: the respondent's overview of the participation (sign-in comes first when needed).</summary>
    public static string ParticipationPath(string participationId) => $"/deelnames/{Uri.EscapeDataString(participationId)}/overzicht";

    public MailText Invitation(Round round, ParticipationContacts participation, Contact contact, string token, DateTimeOffset linkExpiresAt) =>
        RoundMailTexts.Invitation(ContextOf(round, participation, contact), links.For(InvitationApi.PathFor(token)), linkExpiresAt);

    public MailText Reminder(Round round, ParticipationContacts participation, Contact contact, DateTimeOffset now) =>
        RoundMailTexts.Reminder(ContextOf(round, participation, contact), links.For(ParticipationPath(participation.ParticipationId)),
            ReminderSchedule.DaysLeft(participation.EffectiveClosesAt(round), now), participation.Status == ParticipationStatus.Returned);

    /// <summary>
    /// Without a configured public address the mail still goes out, with the path alone: a new deadline matters more
    /// than the link, and the respondent knows where the service is.
    /// </summary>
    public MailText DeadlineChanged(Round round, ParticipationContacts participation, Contact contact, DateTimeOffset closesAt) =>
        RoundMailTexts.DeadlineChanged(ContextOf(round, participation, contact) with { ClosesAt = closesAt },
            links.IsConfigured ? links.For(ParticipationPath(participation.ParticipationId)) : ParticipationPath(participation.ParticipationId));

    /// <summary>The deadline in a mail is the one that holds for this institution: its own when the bureau extended it.</summary>
    private static RoundMailTexts.Context ContextOf(Round round, ParticipationContacts participation, Contact contact) =>
        new(contact.Name, participation.InstitutionName, round.Title, participation.EffectiveClosesAt(round));
}
