using Audit.Application.Invitations;

namespace Audit.Api.Reviews;

/// <summary>
/// The texts of the mails about a review: Dutch first, English below (Audit does not know a user's language), plain
/// text like the invitations (<see cref="Invitations.RoundMailTexts"/>). The remarks themselves stay behind the sign-in:
/// a mail may be forwarded or read by others, and the remarks are about confidential answers. The summary is the
/// bureau's own overall word to the institution, meant to be read outside the questionnaire.
/// </summary>
public static class ReviewMailTexts
{
    /// <summary>Who the mail is for, about which institution and round; <see cref="Link"/> is null when no public address is set.</summary>
    public sealed record Context(string Name, string InstitutionName, string RoundTitle, string? Link);

    public static MailText Returned(Context c, string? summary, int remarks)
    {
        var opmerkingen = remarks switch
        {
            0 => "Bij de vragen staan geen opmerkingen; lees de samenvatting hieronder.",
            1 => "Bij 1 vraag staat een opmerking van het auditbureau.",
            _ => $"Bij {remarks} vragen staat een opmerking van het auditbureau.",
        };
        var comments = remarks switch
        {
            0 => "There are no remarks at the questions; please read the summary below.",
            1 => "The audit bureau left a remark at 1 question.",
            _ => $"The audit bureau left remarks at {remarks} questions.",
        };
        var samenvatting = string.IsNullOrWhiteSpace(summary) ? "" : $"\n\nSamenvatting van het auditbureau:\n{summary.Trim()}";
        var summaryEn = string.IsNullOrWhiteSpace(summary) ? "" : $"\n\nThe audit bureau's summary:\n{summary.Trim()}";
        return new MailText(
            $"Teruggestuurd: {c.RoundTitle} | Returned: {c.RoundTitle}",
            $"""
            Beste {c.Name},

            Het auditbureau heeft de vragenlijst van {c.InstitutionName} voor {c.RoundTitle} teruggestuurd. {opmerkingen} Pas de antwoorden aan en dien de vragenlijst opnieuw in.{samenvatting}

            {LinkNl(c.Link)}

            Met vriendelijke groet,
            Het auditbureau kennisveiligheid

            ---- English ----

            Dear {c.Name},

            The audit bureau has returned the questionnaire of {c.InstitutionName} for {c.RoundTitle}. {comments} Please change the answers and submit the questionnaire again.{summaryEn}

            {LinkEn(c.Link)}

            Kind regards,
            The knowledge security audit bureau
            """);
    }

    public static MailText Accepted(Context c) => new(
        $"Geaccepteerd: {c.RoundTitle} | Accepted: {c.RoundTitle}",
        $"""
        Beste {c.Name},

        Het auditbureau heeft de vragenlijst van {c.InstitutionName} voor {c.RoundTitle} geaccepteerd. Dat is definitief: de antwoorden kunnen niet meer worden gewijzigd. U hoeft niets meer te doen. Zodra de ronde is gepubliceerd, staat uw terugkoppelingsrapport klaar.

        {LinkNl(c.Link)}

        Met vriendelijke groet,
        Het auditbureau kennisveiligheid

        ---- English ----

        Dear {c.Name},

        The audit bureau has accepted the questionnaire of {c.InstitutionName} for {c.RoundTitle}. This is final: the answers can no longer be changed. There is nothing more you need to do. Once the round is published, your feedback report will be ready.

        {LinkEn(c.Link)}

        Kind regards,
        The knowledge security audit bureau
        """);

    private static string LinkNl(string? link) => link is null
        ? "Meld u aan bij de auditdienst om de vragenlijst te bekijken."
        : $"Naar de vragenlijst (eerst aanmelden als dat nodig is):\n{link}";

    private static string LinkEn(string? link) => link is null
        ? "Sign in to the audit service to see the questionnaire."
        : $"Go to the questionnaire (signing in first when needed):\n{link}";
}
