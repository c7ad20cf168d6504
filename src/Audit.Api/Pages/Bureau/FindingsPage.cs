using System.Globalization;
using Audit.Application.Findings;
using Audit.Core.Reviews;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/deelnames/{participationId}/bevindingen</c>: the findings editor. Per theme a finding and a recommendation,
/// plus a summary, saved through <see cref="SaveFindings"/> like <c>PUT /api/v1/participations/{id}/findings</c>.
/// A theme left empty is left out. The form carries the version it was opened at: when a colleague saved in between,
/// nothing is overwritten; the form comes back (409) with what was typed, the colleague's text beside it and the new
/// version, so saving again is a deliberate choice. A successful save redirects (post/redirect/get) with a message.
/// </summary>
public static class FindingsPage
{
    public const string Name = "bureau/findings";
    public const string FindingPrefix = "bevinding:";
    public const string RecommendationPrefix = "aanbeveling:";
    public const string SummaryField = "samenvatting";
    public const string VersionField = "versie";

    public sealed record ThemeFields(
        string Key, int Number, string Title, string FindingName, string FindingId, string? Finding, string? FindingError,
        string RecommendationName, string RecommendationId, string? Recommendation, string? RecommendationError,
        string? TheirFinding, string? TheirRecommendation);

    public sealed record Model(
        ParticipationHeader Participation, IReadOnlyList<ThemeFields> Themes, string? Summary, string? SummaryError, string Version,
        string? UpdatedBy, DateTimeOffset? UpdatedAt, bool Conflict, string? TheirSummary, IReadOnlyList<PageError> Errors, string? Message)
    {
        public int MaxLength => ReviewTexts.MaxTextLength;
    }

    private sealed record Typed(IReadOnlyDictionary<string, FindingsTheme> Themes, string? Summary);

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, ReadFindings read, CancellationToken cancellationToken)
    {
        var found = await read.EditorAsync(principal.ToCaller(), participationId, cancellationToken);
        if (!found.TryGetValue(out var editor, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var stored = editor.Current;
        var typed = new Typed(stored is null ? new Dictionary<string, FindingsTheme>() : ByTheme(stored), stored?.Summary);
        var message = BureauForms.Message(context.Request.Query[ParticipationPage.MessageQuery], "saved");
        return Form(editor, typed, theirs: null, stored?.Version, [], new Dictionary<string, string>(), message, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, ReadFindings read, SaveFindings save,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var found = await read.EditorAsync(caller, participationId, cancellationToken);
        if (!found.TryGetValue(out var editor, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var typedThemes = editor.Scope.Questionnaire.Themes.ToDictionary(t => t.Key,
            t => new FindingsTheme(t.Key, BureauForms.Text(form, FindingPrefix + t.Key), BureauForms.Text(form, RecommendationPrefix + t.Key)), StringComparer.Ordinal);
        var typed = new Typed(typedThemes, BureauForms.Text(form, SummaryField));
        var themes = typedThemes.Values.Where(t => t.Finding is not null || t.Recommendation is not null).ToList();
        int? expected = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        // Without a version the form says "no findings yet": once some exist, that is a conflict too, as in the API.
        var ifMatch = expected is { } version ? VersionPrecondition.Of(version) : VersionPrecondition.Absent;
        var outcome = await save.ExecuteAsync(caller, participationId, new FindingsInput(themes, typed.Summary), ifMatch, cancellationToken);
        if (outcome.IsOk)
        {
            return Results.Redirect($"{BureauPages.FindingsPath(participationId)}?{ParticipationPage.MessageQuery}=saved");
        }
        failure = outcome.Failure;
        var isConflict = failure is Failure.Stale or Failure.PreconditionRequired;
        if (!isConflict && failure is not Failure.Invalid)
        {
            return BureauForms.Failed(failure);
        }
        // Read again: on a conflict, the colleague's findings are shown beside what was typed, and the form takes their version.
        var reread = await read.EditorAsync(caller, participationId, cancellationToken);
        if (!reread.TryGetValue(out editor, out var readFailure))
        {
            return BureauForms.Failed(readFailure);
        }
        if (isConflict)
        {
            // A form sends no If-Match: a colleague's save in between is a conflict with the page's state (409), not a failed precondition.
            return Form(editor, typed, editor.Current, editor.Current?.Version, [new PageError(null, "conflict")], new Dictionary<string, string>(), null,
                StatusCodes.Status409Conflict);
        }
        var (errors, fieldErrors) = ErrorsOf((Failure.Invalid)failure, themes);
        return Form(editor, typed, theirs: null, expected, errors, fieldErrors, null, OutcomeProblems.StatusOf(failure));
    }

    /// <summary>The use case's errors at this form's fields: its keys follow the API body (<c>themes[i].finding</c> etc.).</summary>
    private static (List<PageError> Errors, Dictionary<string, string> FieldErrors) ErrorsOf(Failure.Invalid invalid, IReadOnlyList<FindingsTheme> themes)
    {
        var errors = new List<PageError>();
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in invalid.Errors.Keys)
        {
            if (key == "summary")
            {
                fieldErrors[SummaryField] = "too_long";
                errors.Add(new PageError("samenvatting", "too_long", ReviewTexts.MaxTextLength));
                continue;
            }
            // The themes are built from this questionnaire, each once: only a finding or recommendation can be wrong.
            var theme = themes[BureauForms.IndexIn(key, "themes") ?? throw new InvalidOperationException($"Unexpected findings error '{key}'.")];
            var isFinding = key.EndsWith(".finding", StringComparison.Ordinal);
            var error = isFinding && theme.Finding is null ? "finding_missing" : "too_long";
            var prefix = isFinding ? FindingPrefix : RecommendationPrefix;
            fieldErrors[prefix + theme.ThemeKey] = error;
            errors.Add(new PageError(FieldId(prefix, theme.ThemeKey!), error, ReviewTexts.MaxTextLength));
        }
        return (errors, fieldErrors);
    }

    private static string FieldId(string prefix, string themeKey) => BureauForms.IdFor(prefix.TrimEnd(':'), themeKey);

    private static Dictionary<string, FindingsTheme> ByTheme(FindingsRecord findings) =>
        ReviewTexts.ThemesOf(findings).ToDictionary(t => t.ThemeKey!, StringComparer.Ordinal);

    /// <summary>
    /// The form with <paramref name="typed"/> in it and <paramref name="version"/> in its hidden field; <paramref name="theirs"/> (on a
    /// conflict) is the colleague's version, shown beside it. On a conflict the form carries the colleague's version, so that saving
    /// again replaces it knowingly; after a validation error it keeps the version it was opened at.
    /// </summary>
    private static HtmlPage Form(
        FindingsEditor editor, Typed typed, FindingsRecord? theirs, int? version, IReadOnlyList<PageError> errors,
        IReadOnlyDictionary<string, string> fieldErrors, string? message, int status)
    {
        var their = theirs is null ? null : ByTheme(theirs);
        var themes = editor.Scope.Questionnaire.Themes.Select((t, i) =>
        {
            var mine = typed.Themes.GetValueOrDefault(t.Key);
            var other = their?.GetValueOrDefault(t.Key);
            return new ThemeFields(t.Key, i + 1, t.Title,
                FindingPrefix + t.Key, FieldId(FindingPrefix, t.Key), mine?.Finding, fieldErrors.GetValueOrDefault(FindingPrefix + t.Key),
                RecommendationPrefix + t.Key, FieldId(RecommendationPrefix, t.Key), mine?.Recommendation, fieldErrors.GetValueOrDefault(RecommendationPrefix + t.Key),
                other?.Finding, other?.Recommendation);
        }).ToList();
        var stored = editor.Current;
        return new HtmlPage(Name, new Model(ParticipationHeader.Of(editor.Scope, editor.Completeness), themes, typed.Summary,
            fieldErrors.GetValueOrDefault(SummaryField), version?.ToString(CultureInfo.InvariantCulture) ?? "", editor.UpdatedByName, stored?.UpdatedAt,
            theirs is not null, theirs?.Summary, errors, message), status);
    }
}
