using Audit.Application.FollowUps;
using Audit.Reports.Localization;
using Audit.Application.Participations;
using Audit.Application.Submissions;
using Audit.Api.Pages.Bureau;
using Audit.Core.Answers;
using Audit.Core.Questionnaires;
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

    public sealed record QuestionLink(string Number, string Text, string Href, string? Remark = null, string? Lang = null);

    /// <summary>One visible question in the recap: its answer as text (null: not answered) and the comment.</summary>
    public sealed record RecapQuestion(string Number, string Text, string Href, bool Required, AnswerValue? Answer, string? Comment, bool Invalid, string? Lang);

    public sealed record SummaryTheme(int Number, string Title, string Href, int Required, int RequiredAnswered, bool Complete,
        IReadOnlyList<QuestionLink> Missing, IReadOnlyList<QuestionLink> Invalid, IReadOnlyList<RecapQuestion> Questions, string? TitleLang);

    public sealed record Model(
        ParticipationHeader Header, string ContentLang, IReadOnlyList<SummaryTheme> Themes, IReadOnlyList<QuestionLink> Remarks, bool Complete,
        int Required, int RequiredAnswered, string? Status, string? Error, string ConfirmHref, string? FirstThemeHref, string State,
        string? ReviewSummary, string StartHref, IReadOnlyList<QuestionLink> Missing, IReadOnlyList<QuestionLink> Invalid,
        IReadOnlyList<QuestionLink> FollowUpsMissing);

    public sealed record ConfirmModel(ParticipationHeader Header, string Action, string SummaryHref);

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, BaselineRecommendations recommendations,
        CancellationToken cancellationToken)
    {
        var opened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        var status = http.Request.Query["status"].ToString();
        return Render(view, await recommendations.ForAsync(view.Scope, cancellationToken), http, Statuses.Contains(status) ? status : null, null,
            StatusCodes.Status200OK);
    }

    public static async Task<IResult> ConfirmAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, BaselineRecommendations recommendations,
        CancellationToken cancellationToken)
    {
        // A ?lang= on this address is kept (as a cookie) even when the answer is a redirect to the overview.
        PageLanguage.Resolve(http);
        var opened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        // Only what can be submitted gets the form: a locked participation, or one with answers missing, goes back to the
        // overview, which lists what is missing (the POST still refuses on its own).
        var complete = AnswerValidator.CompletenessCheck(view.Scope.Questionnaire, view.Values).IsComplete
            && (await recommendations.ForAsync(view.Scope, cancellationToken)).Missing == 0;
        return view.Editable && complete
            ? new HtmlPage(ConfirmName, new ConfirmModel(view.Header(), RespondentPages.Submit(view.Id), RespondentPages.Summary(view.Id)), hasForm: true)
            : Results.Redirect(RespondentPages.Summary(view.Id));
    }

    public static async Task<IResult> SubmitAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, SubmitParticipation submit,
        BaselineRecommendations recommendations, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var opened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Render(view, await recommendations.ForAsync(view.Scope, cancellationToken), http, null, "expired", StatusCodes.Status400BadRequest);
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
        var followUps = await recommendations.ForAsync(now.Scope, cancellationToken);
        return refused switch
        {
            Failure.Invalid => Render(now, followUps, http, null, "incomplete", status),
            Failure.Conflict => Render(now, followUps, http, null, now.Locked is null ? "changed" : "locked", status),
            _ => RespondentPages.Refused(refused),
        };
    }

    /// <param name="followUps">The baseline round's recommendations: one without a follow-up is missing like a required answer.</param>
    private static HtmlPage Render(RespondentView original, FollowUpSet followUps, HttpContext http, string? status, string? error, int statusCode)
    {
        var view = original.In(PageLanguage.Resolve(http).Code());
        var questionnaire = view.Scope.Questionnaire;
        var progress = AnswerValidator.ProgressPerTheme(questionnaire, view.Values);
        QuestionLink Link(string key)
        {
            var link = RespondentState.Link(view, key);
            return new QuestionLink(link.Number, link.Text, link.Href, Lang: link.Lang);
        }
        var themes = questionnaire.Themes.Select((theme, i) =>
        {
            var p = progress[i];
            var invalid = p.Invalid.Select(e => e.QuestionKey).ToHashSet(StringComparer.Ordinal);
            // Every question the respondent sees (hidden ones are not asked), with its answer as text.
            var questions = theme.Questions.Where(q => Visibility.IsVisible(questionnaire, q, view.Values)).Select(q =>
            {
                var link = RespondentState.Link(view, q.Key);
                view.Answers.TryGetValue(q.Key, out var answer);
                return new RecapQuestion(link.Number, link.Text, link.Href, q.Required,
                    answer is null ? null : AnswerDisplay.Of(q, answer.ValueJson), answer?.Comment, invalid.Contains(q.Key), link.Lang);
            }).ToList();
            return new SummaryTheme(i + 1, theme.Title, RespondentPages.Theme(view.Id, theme.Key), p.Required, p.RequiredAnswered, p.IsComplete,
                [.. p.Missing.Select(Link)], [.. invalid.Select(Link)], questions, view.LangOf(theme.LocalizedTitle));
        }).ToList();
        var remarks = (view.Return?.Remarks ?? []).Select(r => Link(r.QuestionKey) with { Remark = r.Text }).ToList();
        var titles = questionnaire.Themes.ToDictionary(t => t.Key, t => (t.Title, Lang: view.LangOf(t.LocalizedTitle)), StringComparer.Ordinal);
        var followUpsMissing = followUps.Items.Where(i => i.FollowUp is null).Select(i => new QuestionLink("",
            titles.TryGetValue(i.ThemeKey, out var title) ? title.Title : i.ThemeKey,
            FollowUpPage.Path(view.Id) + "#" + FollowUpPage.FieldsetId(i.RecommendationId), Lang: titles.GetValueOrDefault(i.ThemeKey).Lang)).ToList();
        var model = new Model(RespondentState.QuietHeader(view), questionnaire.Language, themes, remarks,
            themes.All(t => t.Complete) && followUpsMissing.Count == 0,
            progress.Sum(p => p.Required), progress.Sum(p => p.RequiredAnswered), status, error, RespondentPages.Submit(view.Id),
            themes.FirstOrDefault()?.Href, RespondentState.Of(view), view.Return?.Summary, RespondentPages.Start(view.Id),
            [.. themes.SelectMany(t => t.Missing)], [.. themes.SelectMany(t => t.Invalid)], followUpsMissing);
        return new HtmlPage(Name, model, statusCode, hasForm: true);
    }
}
