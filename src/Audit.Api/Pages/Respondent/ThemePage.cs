using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Evidence;
using Audit.Api.Participations;
using Audit.Application.Participations;
using Audit.Core.Answers;
using Audit.Core.Evidence;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Reports.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// <c>/deelnames/{id}/thema/{themeKey}</c>: one theme of the questionnaire as a form. Without script it posts the whole
/// theme, which is saved in one transaction or not at all (errors listed at the top and at each field, the entries
/// kept); then it redirects to the next theme or back here. With script, <c>autosave.js</c> saves each answer as it
/// changes through the API, and <c>questionnaire.js</c> shows and hides conditional questions.
/// </summary>
public static class ThemePage
{
    public const string Name = "theme";

    /// <summary>Messages a redirect may ask for (<c>?status=</c>), under <c>t.theme.statuses</c>; anything else is ignored.</summary>
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "saved", "saved_more", "evidence_added", "evidence_removed",
    };

    public static async Task<IResult> ShowAsync(
        string participationId, string themeKey, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers,
        IReviewRepository reviews, IEvidenceRepository evidence, IOptions<EvidenceOptions> options, CancellationToken cancellationToken)
    {
        if (await RespondentView.LoadAsync(participationId, principal, scopes, answers, reviews, cancellationToken) is not { } view
            || FindTheme(view, themeKey) is not { } theme)
        {
            return Results.NotFound();
        }
        var status = http.Request.Query["status"].ToString();
        var documents = await evidence.ListAsync(view.Id, null, cancellationToken);
        return Render(http, view, theme, ThemeEntries.Stored(view), new ThemeViews.EvidenceState(documents, null, null, options.Value.MaxBytes),
            Statuses.Contains(status) ? status : null, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(
        string participationId, string themeKey, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers,
        IReviewRepository reviews, IEvidenceRepository evidence, IAntiforgery antiforgery, IOptions<EvidenceOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await RespondentView.LoadAsync(participationId, principal, scopes, answers, reviews, cancellationToken) is not { } view
            || FindTheme(view, themeKey) is not { } theme)
        {
            return Results.NotFound();
        }
        var documents = await evidence.ListAsync(view.Id, null, cancellationToken);
        var evidenceState = new ThemeViews.EvidenceState(documents, null, null, options.Value.MaxBytes);
        IResult Refuse(RespondentView shown, ThemeEntries entries, string? formError, int status) =>
            Render(http, shown, theme, entries, evidenceState, null, formError, status);

        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Refuse(view, ThemeEntries.Stored(view), "expired", StatusCodes.Status400BadRequest);
        }
        if (!view.Editable)
        {
            return Refuse(view, ThemeEntries.Stored(view), "locked", StatusCodes.Status409Conflict);
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        // A second attempt only after stale versions: the page's own autosave may have committed the very values posted
        // between reading and writing. Reading the answers again drops every field that now holds what was posted; what
        // still differs is a colleague's change and stays a conflict.
        for (var attempt = 1; ; attempt++)
        {
            var submission = ThemeSubmission.Read(view, theme, form);
            if (submission.HasErrors)
            {
                var onlyConflicts = submission.Entries.Errors.Values.All(e => e.Kind == "conflict");
                return Refuse(view, submission.Entries, onlyConflicts ? "conflict" : "invalid",
                    onlyConflicts ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
            }
            var result = await answers.SaveChangesAsync(view.Id, submission.Writes, submission.Clears, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
            switch (result.Outcome)
            {
                case AnswerBatchOutcome.Saved:
                    return Results.Redirect(NextAfterSave(view, theme, form[ThemeForm.ActionField].ToString() == ThemeForm.NextAction, submission.Appeared));
                case AnswerBatchOutcome.NotFound:
                    return Results.NotFound();
                case AnswerBatchOutcome.NotEditable:
                    var now = await RespondentView.LoadAsync(participationId, principal, scopes, answers, reviews, cancellationToken);
                    return now is null ? Results.NotFound() : Refuse(now, ThemeEntries.Stored(now), "locked", StatusCodes.Status409Conflict);
                default:
                    if (attempt == 1 && await RespondentView.LoadAsync(participationId, principal, scopes, answers, reviews, cancellationToken) is { } fresh)
                    {
                        view = fresh;
                        continue;
                    }
                    var stale = result.Items.Where(i => i.Outcome is not (AnswerSaveOutcome.Saved or AnswerSaveOutcome.RolledBack));
                    return Refuse(view, submission.WithConflicts(stale), "conflict", StatusCodes.Status409Conflict);
            }
        }
    }

    /// <summary>"Save and continue" goes to the next theme (the summary after the last); "save" and new questions stay here.</summary>
    private static string NextAfterSave(RespondentView view, Theme theme, bool next, bool appeared)
    {
        var themes = view.Scope.Questionnaire.Themes;
        var index = themes.ToList().IndexOf(theme);
        if (appeared || !next)
        {
            return RespondentPages.WithStatus(RespondentPages.Theme(view.Id, theme.Key), appeared ? "saved_more" : "saved");
        }
        return index + 1 < themes.Count
            ? RespondentPages.WithStatus(RespondentPages.Theme(view.Id, themes[index + 1].Key), "saved")
            : RespondentPages.WithStatus(RespondentPages.Summary(view.Id), "saved");
    }

    public static Theme? FindTheme(RespondentView view, string themeKey) =>
        view.Scope.Questionnaire.Themes.FirstOrDefault(t => t.Key == themeKey);

    /// <summary>The page, with status <paramref name="status"/> (4xx when it reports a refused post).</summary>
    public static IResult Render(
        HttpContext http, RespondentView view, Theme theme, ThemeEntries entries, ThemeViews.EvidenceState evidence, string? message, string? formError,
        int status)
    {
        var culture = ReportCulture.For(PageLanguage.Resolve(http));
        // The header the API checks for session-cookie writes (see Access/ApiAntiforgery), named once in the options.
        var tokenHeader = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "RequestVerificationToken";
        var model = ThemeViews.Build(view, theme, entries, evidence, message, formError, culture, tokenHeader);
        return new HtmlPage(Name, model, status, hasForm: true);
    }
}
