using Audit.Core.Time;
using Audit.Application.Invitations;
using Audit.Reports.Localization;

namespace Audit.Api.Invitations;

/// <summary>
/// The texts of invitation and reminder mails: Dutch first, English below (Audit does not know a user's language).
/// Plain text only, so that no mail client has to trust markup, and the link is the whole of its line.
/// </summary>
public static class RoundMailTexts
{

    /// <summary>Who the mail is for, about which round and institution, with the deadline.</summary>
    public sealed record Context(string Name, string InstitutionName, string RoundTitle, DateTimeOffset ClosesAt);

    public static MailText Invitation(Context c, string link, DateTimeOffset linkExpiresAt) => new(
        $"Uitnodiging: {c.RoundTitle} | Invitation: {c.RoundTitle}",
        $"""
        Beste {c.Name},

        {c.InstitutionName} doet mee aan de externe audit kennisveiligheid: {c.RoundTitle}. U staat bij het auditbureau geregistreerd als contactpersoon van uw instelling.

        Met deze persoonlijke link meldt u zich aan:
        {link}

        De link werkt één keer en is geldig tot {When(linkExpiresAt, ReportLanguage.Nl)}. Daarna blijft u acht uur aangemeld op dat apparaat. De vragenlijst kan worden ingevuld en ingediend tot {When(c.ClosesAt, ReportLanguage.Nl)} (Nederlandse tijd).

        Stuur deze e-mail niet door: de link geeft toegang tot de antwoorden van uw instelling. Werkt de link niet meer? Vraag het auditbureau om een nieuwe.

        Met vriendelijke groet,
        Het auditbureau kennisveiligheid

        ---- English ----

        Dear {c.Name},

        {c.InstitutionName} takes part in the external knowledge security audit: {c.RoundTitle}. The audit bureau has registered you as a contact person for your institution.

        Sign in with this personal link:
        {link}

        The link works once and is valid until {When(linkExpiresAt, ReportLanguage.En)}. You then stay signed in for eight hours on that device. The questionnaire can be completed and submitted until {When(c.ClosesAt, ReportLanguage.En)} (Dutch time).

        Please do not forward this e-mail: the link gives access to your institution's answers. If the link no longer works, ask the audit bureau for a new one.

        Kind regards,
        The knowledge security audit bureau
        """);

    public static MailText Reminder(Context c, string link, int daysLeft, bool returned)
    {
        var dagen = daysLeft == 1 ? "nog 1 dag" : $"nog {daysLeft} dagen";
        var days = daysLeft == 1 ? "1 day left" : $"{daysLeft} days left";
        var stateNl = returned
            ? $"De vragenlijst van {c.InstitutionName} voor {c.RoundTitle} is door het auditbureau teruggestuurd en nog niet opnieuw ingediend."
            : $"De vragenlijst van {c.InstitutionName} voor {c.RoundTitle} is nog niet ingediend.";
        var stateEn = returned
            ? $"The questionnaire of {c.InstitutionName} for {c.RoundTitle} was returned by the audit bureau and has not been resubmitted yet."
            : $"The questionnaire of {c.InstitutionName} for {c.RoundTitle} has not been submitted yet.";
        return new MailText(
            $"Herinnering: {dagen} voor {c.RoundTitle} | Reminder: {days}",
            $"""
            Beste {c.Name},

            {stateNl} Dat kan tot {When(c.ClosesAt, ReportLanguage.Nl)} (Nederlandse tijd), {dagen}.

            Naar de vragenlijst:
            {link}

            Bent u niet meer aangemeld en werkt uw uitnodigingslink niet meer? Vraag het auditbureau om een nieuwe.

            Met vriendelijke groet,
            Het auditbureau kennisveiligheid

            ---- English ----

            Dear {c.Name},

            {stateEn} This is possible until {When(c.ClosesAt, ReportLanguage.En)} (Dutch time), {days}.

            Go to the questionnaire:
            {link}

            If you are no longer signed in and your invitation link no longer works, ask the audit bureau for a new one.

            Kind regards,
            The knowledge security audit bureau
            """);
    }

    public static MailText DeadlineChanged(Context c, string link) => new(
        $"Nieuwe deadline: {c.RoundTitle} | New deadline: {c.RoundTitle}",
        $"""
        Beste {c.Name},

        Het auditbureau heeft de deadline van {c.InstitutionName} voor {c.RoundTitle} gewijzigd. De vragenlijst kan nu worden ingevuld en ingediend tot {When(c.ClosesAt, ReportLanguage.Nl)} (Nederlandse tijd).

        Naar de vragenlijst:
        {link}

        Met vriendelijke groet,
        Het auditbureau kennisveiligheid

        ---- English ----

        Dear {c.Name},

        The audit bureau has changed the deadline of {c.InstitutionName} for {c.RoundTitle}. The questionnaire can now be completed and submitted until {When(c.ClosesAt, ReportLanguage.En)} (Dutch time).

        Go to the questionnaire:
        {link}

        Kind regards,
        The knowledge security audit bureau
        """);

    /// <summary>A moment as people in the Netherlands read it, e.g. "31 maart 2026 om 23:59".</summary>
    public static string When(DateTimeOffset moment, ReportLanguage language)
    {
        var format = language == ReportLanguage.Nl ? "d MMMM yyyy 'om' HH:mm" : "d MMMM yyyy 'at' HH:mm";
        return AmsterdamTime.Format(moment, format, ReportCulture.For(language));
    }
}
