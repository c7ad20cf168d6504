using Audit.Api.Hosting;
using Audit.Api.Pages.Respondent;
using Audit.Application.Invitations;
using Audit.Application.Rounds;
using Audit.Core.Mail;
using Audit.Core.Rounds;

namespace Audit.Api.Rounds;

/// <summary>
/// "Your feedback report is ready", mailed to the contacts of each accepted participation when the round is published,
/// with a link to the report page (<see cref="PublicLinks"/>). Dutch first, English below, plain text: like the
/// invitation and reminder mails (<see cref="Invitations.RoundMailTexts"/>).
/// </summary>
public sealed class PublicationMails(PublicLinks links) : IPublicationMails
{
    public string? Unavailable => links.IsConfigured ? null : PublicLinks.NotConfigured;

    public MailText FeedbackReady(Round round, ParticipationContacts participation, Contact contact) =>
        Text(contact.Name, participation.InstitutionName, round.Title, links.For(RespondentPages.Report(participation.ParticipationId)));

    public static MailText Text(string name, string institution, string roundTitle, string link) => new(
        $"Uw feedbackrapport staat klaar: {roundTitle} | Your feedback report is ready",
        $"""
        Beste {name},

        Het auditbureau heeft de resultaten van {roundTitle} gepubliceerd. Het feedbackrapport van {institution} staat klaar: de antwoorden van uw instelling naast die van de sector, met de bevindingen en aanbevelingen van het auditbureau.

        Naar het rapport:
        {link}

        U meldt zich eerst aan. Werkt uw uitnodigingslink niet meer? Vraag het auditbureau om een nieuwe.

        Met vriendelijke groet,
        Het auditbureau kennisveiligheid

        ---- English ----

        Dear {name},

        The audit bureau has published the results of {roundTitle}. The feedback report of {institution} is ready: your institution's answers set against those of its sector, with the audit bureau's findings and recommendations.

        Go to the report:
        {link}

        You sign in first. If your invitation link no longer works, ask the audit bureau for a new one.

        Kind regards,
        The knowledge security audit bureau
        """);
}
