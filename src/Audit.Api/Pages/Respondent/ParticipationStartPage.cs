using Audit.Reports.Localization;
using Audit.Application.Answers;
using Audit.Application.Participations;
using Audit.Core.Answers;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// <c>/deelnames/{id}</c>: the start page of one participation (<see cref="OpenParticipationStart"/>): where it stands,
/// the deadline in Dutch time with the days left, the themes with their progress, who of the institution has worked on
/// it, what to prepare, and, while it is empty and the round has a baseline, the button that copies the baseline's
/// answers. That button posts to <c>/deelnames/{id}/overnemen</c>, which calls <see cref="PrefillAnswers"/> (the API's
/// <c>POST …/prefill</c>) and comes back here saying how many answers were copied and which questions changed since.
/// </summary>
public static class ParticipationStartPage
{
    public const string Name = "respondent/start";

    /// <summary>A theme with its progress and <see cref="Audit.Core.Questionnaires.Theme.EstimatedMinutes"/> (stated in the definition, else estimated).</summary>
    public sealed record StartTheme(int Number, string Title, string Href, int Required, int RequiredAnswered, bool Complete, string? TitleLang, int Minutes);

    public sealed record Editor(string Name, int Answers, DateTimeOffset LastChangedAt, bool IsCaller);

    public sealed record Baseline(string Title, bool CanPrefill, string Action, IReadOnlyList<QuestionRef> Changed);

    public sealed record Model(
        ParticipationHeader Header, string ContentLang, string State, string? ReviewSummary, DateTimeOffset ClosesAt, int? DaysLeft,
        IReadOnlyList<StartTheme> Themes, int Required, int RequiredAnswered, IReadOnlyList<Editor> Editors, Baseline? From,
        int? Copied, string? Error, string ContinueHref, string SummaryHref, string? ReportHref, string? ReportPdfHref, bool Editable, string? FollowUpHref)
    {
        /// <summary>The time the whole questionnaire takes, the sum of the themes' estimates.</summary>
        public int TotalMinutes => Themes.Sum(t => t.Minutes);
    }

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipationStart start, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var opened = await start.ExecuteAsync(principal.ToCaller(), participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        // The count comes back through the redirect (post/redirect/get); anything else in the query is ignored.
        int? copied = http.Request.Query["status"] == "prefilled" && int.TryParse(http.Request.Query["copied"], out var n) && n >= 0 ? n : null;
        return Render(view, http, clock.GetUtcNow(), copied, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> PrefillAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, OpenParticipationStart start, PrefillAnswers prefill,
        IAntiforgery antiforgery, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        var opened = await start.ExecuteAsync(caller, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Render(view, http, clock.GetUtcNow(), null, "expired", StatusCodes.Status400BadRequest);
        }
        var copied = await prefill.ExecuteAsync(caller, view.Work.Id, cancellationToken);
        if (copied.TryGetValue(out var result, out var refused))
        {
            return Results.Redirect($"{RespondentPages.Start(view.Work.Id)}?status=prefilled&copied={result.Copied.Count}");
        }
        if (refused is not Failure.Conflict)
        {
            return RespondentPages.Refused(refused);
        }
        // Someone started meanwhile, or the baseline is not there: the page as it is now, saying why nothing was copied.
        var reopened = await start.ExecuteAsync(caller, participationId, cancellationToken);
        return reopened.TryGetValue(out var now, out failure)
            ? Render(now, http, clock.GetUtcNow(), null, "prefill_refused", StatusCodes.Status409Conflict)
            : RespondentPages.Refused(failure);
    }

    private static HtmlPage Render(ParticipationStart start, HttpContext http, DateTimeOffset now, int? copied, string? error, int statusCode)
    {
        var view = RespondentView.Of(start.Work).In(PageLanguage.Resolve(http).Code());
        var (round, participation, questionnaire) = (view.Scope.Round.Round, view.Scope.Participation, view.Scope.Questionnaire);
        var progress = AnswerValidator.ProgressPerTheme(questionnaire, view.Values);
        var themes = questionnaire.Themes.Select((theme, i) => new StartTheme(
            i + 1, theme.Title, RespondentPages.Theme(view.Id, theme.Key), progress[i].Required, progress[i].RequiredAnswered, progress[i].IsComplete, view.LangOf(theme.LocalizedTitle),
            theme.EstimatedMinutes)).ToList();
        var open = themes.FirstOrDefault(t => !t.Complete) ?? themes[0];
        var closesAt = participation.EffectiveClosesAt(round);
        int? daysLeft = round.Status == RoundStatus.Open && closesAt > now ? (int)Math.Ceiling((closesAt - now).TotalDays) : null;
        var baseline = start.Baseline is { } b
            ? new Baseline(b.Title, b.CanPrefill, RespondentPages.Prefill(view.Id), [.. b.ChangedQuestions.Select(q => RespondentState.Link(view, q.Key))])
            : null;
        var published = round.Status == RoundStatus.Published;
        var model = new Model(
            RespondentState.QuietHeader(view), questionnaire.Language, RespondentState.Of(view), view.Return?.Summary, closesAt, daysLeft, themes,
            progress.Sum(p => p.Required), progress.Sum(p => p.RequiredAnswered),
            [.. start.Editors.Select(e => new Editor(e.Name, e.Answers, e.LastChangedAt, e.IsCaller))], baseline, copied, error,
            open.Href, RespondentPages.Summary(view.Id), published ? RespondentPages.Report(view.Id) : null,
            published ? RespondentPages.ReportPdf(view.Id) : null, view.Editable,
            round.BaselineRoundId is null ? null : FollowUpPage.Path(view.Id));
        return new HtmlPage(Name, model, statusCode, hasForm: true);
    }
}
