using Audit.Api.Hosting;
using Audit.Api.Pages.Respondent;
using Audit.Application.Invitations;
using Audit.Application.Rounds;
using Audit.Core.Mail;
using Audit.Core.Rounds;

namespace Audit.Api.Rounds;

/// <summary>
/// "Your feedback report is ready", mailed to the contacts of each accepted participation when the round is published,
/// with a link to the report page (<see cref="PublicLinks"/>; without <c>Audit:PublicBaseUrl</c> the mail says to sign in
/// instead, as the review mails do). Dutch first, English below, plain text: like the invitation and reminder mails
/// (<see cref="Invitations.RoundMailTexts"/>).
/// </summary>
public sealed class PublicationMails(PublicLinks links) : IPublicationMails
{
    public MailText FeedbackReady(Round round, ParticipationContacts participation, Contact contact) =>
        Text(contact.Name, participation.InstitutionName, round.Title,
            links.IsConfigured ? links.For(RespondentPages.Report(participation.ParticipationId)) : null);

    public static MailText Text(string name, string institution, string roundTitle, string? link) => new(
        $"Uw feedbackrapport staat klaar: {roundTitle} | Your feedback report is ready",
        $"""
        Beste {name},

        Het auditbureau heeft de resultaten van {roundTitle} gepubliceerd. Het feedbackrapport van {institution} staat klaar: de antwoorden van uw instelling naast die van de sector, met de bevindingen en aanbevelingen van het auditbureau.

        {(link is null ? "Meld u aan bij de auditdienst en open het rapport bij uw deelname." : $"Naar het rapport (eerst aanmelden als dat nodig is):\n{link}")}

        Werkt uw uitnodigingslink niet meer? Vraag het auditbureau om een nieuwe.

        Met vriendelijke groet,
        Het auditbureau kennisveiligheid

        ---- English ----

        Dear {name},

        The audit bureau has published the results of {roundTitle}. The feedback report of {institution} is ready: your institution's answers set against those of its sector, with the audit bureau's findings and recommendations.

        {(link is null ? "Sign in to the audit service and open the report at your participation." : $"Go to the report (signing in first when needed):\n{link}")}

        If your invitation link no longer works, ask the audit bureau for a new one.

        Kind regards,
        The knowledge security audit bureau
        """);
}
