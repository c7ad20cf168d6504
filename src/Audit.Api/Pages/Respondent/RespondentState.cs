using Audit.Core.Rounds;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// Where a participation stands, as one key under <c>t.respondent_path.states</c>: the start page and the overview say
/// exactly one of these, so a page never says "submitted" and "you can submit" at once. The round's state comes first:
/// once published or closed, nothing the institution did still matters for what it can do.
/// </summary>
public static class RespondentState
{
    public static string Of(RespondentView view)
    {
        var round = view.Scope.Round.Round.Status;
        var participation = view.Scope.Participation.Status;
        return round switch
        {
            RoundStatus.Published => "published",
            RoundStatus.Closed => "round_closed",
            _ => participation switch
            {
                ParticipationStatus.Accepted => "accepted",
                ParticipationStatus.Submitted => "submitted",
                _ when view.Return is not null => "returned",
                ParticipationStatus.Invited when view.Answers.Count == 0 => "not_started",
                _ => "in_progress",
            },
        };
    }

    /// <summary>A question as a link to its field on its theme page, numbered "theme.question" as the pages number them.</summary>
    public static QuestionRef Link(RespondentView view, string questionKey)
    {
        var questionnaire = view.Scope.Questionnaire;
        var theme = questionnaire.FindThemeOf(questionKey)!;
        var t = questionnaire.Themes.ToList().IndexOf(theme);
        var q = theme.Questions.ToList().FindIndex(x => x.Key == questionKey);
        return new QuestionRef($"{t + 1}.{q + 1}", theme.Questions[q].Text,
            $"{RespondentPages.Theme(view.Id, theme.Key)}#{ThemeIds.Question(questionKey)}", view.LangOf(theme.Questions[q].LocalizedText));
    }

    /// <summary>The header above the start page and overview, without the alerts: <c>_path-state</c> says where it stands, once.</summary>
    public static ParticipationHeader QuietHeader(RespondentView view) => view.Header() with { Locked = null, Returned = false, ReviewSummary = null };
}

/// <param name="Lang">Set when the text is not in the page's language (a Dutch fallback on an English page).</param>
public sealed record QuestionRef(string Number, string Text, string Href, string? Lang = null);
