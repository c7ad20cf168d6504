using Audit.Application.Answers;
using Audit.Application.Evidence;
using Audit.Application.Participations;
using Audit.Core.Questionnaires;
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
    public const string Name = "respondent/theme";

    /// <summary>Messages a redirect may ask for (<c>?status=</c>), under <c>t.theme.statuses</c>; anything else is ignored.</summary>
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "saved", "saved_more", "evidence_added", "evidence_removed",
    };

    public static async Task<IResult> ShowAsync(
        string participationId, string themeKey, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, EvidenceLimits limits,
        CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(open, principal, participationId, q => q.Themes.FirstOrDefault(t => t.Key == themeKey), cancellationToken);
        if (!opened.TryGetValue(out var page, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        var (view, theme) = page;
        var status = http.Request.Query["status"].ToString();
        return Render(http, view, theme, ThemeEntries.Stored(view), new ThemeViews.EvidenceState(null, null, limits.MaxBytes),
            Statuses.Contains(status) ? status : null, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(
        string participationId, string themeKey, HttpContext http, ClaimsPrincipal principal, OpenParticipation open, SaveThemeAnswers save,
        IAntiforgery antiforgery, EvidenceLimits limits, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(open, principal, participationId, q => q.Themes.FirstOrDefault(t => t.Key == themeKey), cancellationToken);
        if (!opened.TryGetValue(out var page, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        var (view, theme) = page;
        var evidenceState = new ThemeViews.EvidenceState(null, null, limits.MaxBytes);
        IResult Refuse(RespondentView shown, ThemeEntries entries, string? formError, int status) =>
            Render(http, shown, theme, entries, evidenceState, null, formError, status);

        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Refuse(view, ThemeEntries.Stored(view), "expired", StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var saved = await save.ExecuteAsync(principal.ToCaller(), view.Id,
            (scope, answers) => ThemeSubmission.Read(view.With(scope, answers), theme, form), cancellationToken);
        if (!saved.TryGetValue(out var result, out failure))
        {
            if (failure is not Failure.Conflict)
            {
                return RespondentPages.Refused(failure);
            }
            // Locked meanwhile (submitted, or the round closed): the page shows the participation as it now is.
            var now = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
            return now.TryGetValue(out var shown, out failure)
                ? Refuse(shown, ThemeEntries.Stored(shown), "locked", StatusCodes.Status409Conflict)
                : RespondentPages.Refused(failure);
        }
        var submission = result.Changes;
        if (result.Saved)
        {
            return Results.Redirect(NextAfterSave(view, theme, form[ThemeForm.ActionField].ToString() == ThemeForm.NextAction, submission.Appeared));
        }
        if (result.Stale.Count > 0)
        {
            return Refuse(submission.View, submission.WithConflicts(result.Stale), "conflict", StatusCodes.Status409Conflict);
        }
        var onlyConflicts = submission.Entries.Errors.Values.All(e => e.Kind == "conflict");
        return Refuse(submission.View, submission.Entries, onlyConflicts ? "conflict" : "invalid",
            onlyConflicts ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
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

    /// <summary>A theme page: the participation and the theme it shows.</summary>
    public sealed record Opened(RespondentView View, Theme Theme);

    /// <summary>The participation and the theme <paramref name="pick"/> chooses from its questionnaire; either missing is "not found".</summary>
    public static async Task<Outcome<Opened>> OpenAsync(
        OpenParticipation open, ClaimsPrincipal principal, string participationId, Func<Questionnaire, Theme?> pick, CancellationToken cancellationToken)
    {
        var opened = await RespondentView.OpenAsync(open, principal, participationId, cancellationToken);
        if (!opened.TryGetValue(out var view, out var failure))
        {
            return failure;
        }
        return pick(view.Scope.Questionnaire) is { } theme
            ? new Opened(view, theme)
            : new Failure.NotFound($"Participation '{participationId}' has no such theme.");
    }

    /// <summary>The page, with status <paramref name="status"/> (4xx when it reports a refused post).</summary>
    public static IResult Render(
        HttpContext http, RespondentView view, Theme theme, ThemeEntries entries, ThemeViews.EvidenceState evidence, string? message, string? formError,
        int status)
    {
        var language = PageLanguage.Resolve(http);
        var culture = ReportCulture.For(language);
        // The header the API checks for session-cookie writes (see Access/ApiAntiforgery), named once in the options.
        var tokenHeader = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "RequestVerificationToken";
        var model = ThemeViews.Build(view, theme, entries, evidence, message, formError, culture, tokenHeader, language.Code());
        return new HtmlPage(Name, model, status, hasForm: true);
    }
}
