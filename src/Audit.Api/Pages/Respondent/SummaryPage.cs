using Audit.Application.Participations;
using Audit.Application.Submissions;
using Audit.Core.Answers;
using Audit.Reports.Localization;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// <c>/deelnames/{id}/overzicht</c>: progress per theme and every required question still open or answer still invalid,
/// each linked to its field; the bureau's remarks after a return. <c>/deelnames/{id}/indienen</c> asks for confirmation
/// and its POST submits through <see cref="SubmitParticipation"/>, the API's own rule: an incomplete questionnaire is
/// refused there and comes back here with the list.
/// </summary>
public static class SummaryPage
{
    public const string Name = "respondent/summary";
    public const string ConfirmName = "respondent/submit-confirm";

    private static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal) { "saved", "submitted" };

    /// <summary>A question to go to; <see cref="TextLang"/> is set where its text fell back to Dutch on an English page.</summary>
    public sealed record QuestionLink(string Number, string Text, string Href, string? Remark = null)
    {
        public string? TextLang { get; init; }
    }

    public sealed record SummaryTheme(int Number, string Title, string Href, int Required, int RequiredAnswered, bool Complete,
        IReadOnlyList<QuestionLink> Missing, IReadOnlyList<QuestionLink> Invalid)
    {
        public string? TitleLang { get; init; }
    }

    public sealed record Model(
        ParticipationHeader Header, string ContentLang, IReadOnlyList<SummaryTheme> Themes, IReadOnlyList<QuestionLink> Remarks, bool Complete,
        int Required, int RequiredAnswered, string? Status, string? Error, string ConfirmHref, string? FirstThemeHref);

    public sealed record ConfirmModel(ParticipationHeader Header, string Action, string SummaryHref);

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, CancellationToken cancellationToken)
    {
        var opened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        var status = http.Request.Query["status"].ToString();
        return Render(view, Statuses.Contains(status) ? status : null, null, StatusCodes.Status200OK, PageLanguage.Resolve(http).Code());
    }

    public static async Task<IResult> ConfirmAsync(
        string participationId, ClaimsPrincipal principal, OpenParticipation open, CancellationToken cancellationToken)
    {
        var opened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        return view.Editable
            ? new HtmlPage(ConfirmName, new ConfirmModel(view.Header(), RespondentPages.Submit(view.Id), RespondentPages.Summary(view.Id)), hasForm: true)
            : Results.Redirect(RespondentPages.Summary(view.Id));
    }

    public static async Task<IResult> SubmitAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, SubmitParticipation submit,
        IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var opened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Render(view, null, "expired", StatusCodes.Status400BadRequest, PageLanguage.Resolve(http).Code());
        }
        var submitted = await submit.ExecuteAsync(principal.ToCaller(), view.Id, cancellationToken);
        if (submitted.TryGetValue(out _, out var refused))
        {
            return Results.Redirect(RespondentPages.WithStatus(RespondentPages.Summary(view.Id), "submitted"));
        }
        // Whatever the refusal, the page shows the participation as it now is.
        var reopened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!reopened.TryGetValue(out var now, out failure))
        {
            return RespondentPages.Refused(failure);
        }
        var status = OutcomeProblems.StatusOf(refused);
        return refused switch
        {
            Failure.Invalid => Render(now, null, "incomplete", status, PageLanguage.Resolve(http).Code()),
            Failure.Conflict => Render(now, null, now.Locked is null ? "changed" : "locked", status, PageLanguage.Resolve(http).Code()),
            _ => RespondentPages.Refused(refused),
        };
    }

    private static HtmlPage Render(RespondentView view, string? status, string? error, int statusCode, string pageLanguage)
    {
        var questionnaire = view.Scope.Questionnaire;
        var progress = AnswerValidator.ProgressPerTheme(questionnaire, view.Values);
        var themes = questionnaire.Themes.Select((theme, i) =>
        {
            var href = RespondentPages.Theme(view.Id, theme.Key);
            QuestionLink Link(string key)
            {
                var position = theme.Questions.ToList().FindIndex(q => q.Key == key);
                var text = QuestionnaireTexts.Show(theme.Questions[position].LocalizedText, pageLanguage);
                return new QuestionLink($"{i + 1}.{position + 1}", text.Text, $"{href}#{ThemeIds.Question(key)}") { TextLang = text.Lang };
            }
            var p = progress[i];
            var title = QuestionnaireTexts.Show(theme.LocalizedTitle, pageLanguage);
            return new SummaryTheme(i + 1, title.Text, href, p.Required, p.RequiredAnswered, p.IsComplete,
                p.Missing.Select(Link).ToList(), p.Invalid.Select(e => e.QuestionKey).Distinct().Select(Link).ToList()) { TitleLang = title.Lang };
        }).ToList();
        var remarks = (view.Return?.Remarks ?? []).Select(r =>
        {
            var theme = questionnaire.FindThemeOf(r.QuestionKey)!;
            var t = questionnaire.Themes.ToList().IndexOf(theme);
            var q = theme.Questions.ToList().FindIndex(x => x.Key == r.QuestionKey);
            var text = QuestionnaireTexts.Show(theme.Questions[q].LocalizedText, pageLanguage);
            return new QuestionLink($"{t + 1}.{q + 1}", text.Text,
                $"{RespondentPages.Theme(view.Id, theme.Key)}#{ThemeIds.Question(r.QuestionKey)}", r.Text) { TextLang = text.Lang };
        }).ToList();
        var model = new Model(view.Header(), questionnaire.Language, themes, remarks, themes.All(t => t.Complete),
            progress.Sum(p => p.Required), progress.Sum(p => p.RequiredAnswered), status, error, RespondentPages.Submit(view.Id),
            themes.FirstOrDefault()?.Href);
        return new HtmlPage(Name, model, statusCode, hasForm: true);
    }
}
