using System.Globalization;
using System.Security.Claims;
using Audit.Api.Participations;
using Audit.Api.Reviews;
using Audit.Application.Participations;
using Audit.Core.Reviews;
using Microsoft.AspNetCore.Antiforgery;
using static Audit.Api.Reviews.FindingsApi;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/deelnames/{participationId}/bevindingen</c>: the findings editor. Per theme a finding and a recommendation,
/// plus a summary, saved through <see cref="FindingsWorkflow"/> like <c>PUT /api/v1/participations/{id}/findings</c>.
/// A theme left empty is left out. The form carries the version it was opened at: when a colleague saved in between,
/// nothing is overwritten; the form comes back (409) with what was typed, the colleague's text beside it and the new
/// version, so saving again is a deliberate choice. A successful save redirects (post/redirect/get) with a message.
/// </summary>
public static class FindingsPage
{
    public const string Name = "bureau-findings";
    public const string FindingPrefix = "bevinding:";
    public const string RecommendationPrefix = "aanbeveling:";
    public const string SummaryField = "samenvatting";
    public const string VersionField = "versie";

    public sealed record FindingsTheme(
        string Key, int Number, string Title, string FindingName, string FindingId, string? Finding, string? FindingError,
        string RecommendationName, string RecommendationId, string? Recommendation, string? RecommendationError,
        string? TheirFinding, string? TheirRecommendation);

    public sealed record Model(
        ParticipationHeader Participation, IReadOnlyList<FindingsTheme> Themes, string? Summary, string? SummaryError, string Version,
        string? UpdatedBy, DateTimeOffset? UpdatedAt, bool Conflict, string? TheirSummary, IReadOnlyList<PageError> Errors, string? Message)
    {
        public int MaxLength => ReviewsApi.MaxTextLength;
    }

    private sealed record Typed(IReadOnlyDictionary<string, ThemeFinding> Themes, string? Summary);

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, [AsParameters] BureauServices services, CancellationToken cancellationToken)
    {
        if (await services.Scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return Results.NotFound();
        }
        var stored = await services.Findings.GetAsync(participationId, cancellationToken);
        var typed = stored is null
            ? new Typed(new Dictionary<string, ThemeFinding>(), null)
            : new Typed(FindingsWorkflow.ThemesOf(stored).ToDictionary(t => t.ThemeKey!, StringComparer.Ordinal), stored.Summary);
        var message = BureauForms.Message(context.Request.Query[ParticipationPage.MessageQuery], "saved");
        return await FormAsync(scope, services, typed, stored, null, stored?.Version, [], new Dictionary<string, string>(), message, StatusCodes.Status200OK,
            cancellationToken);
    }

    public static async Task<IResult> SaveAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, [AsParameters] BureauServices services,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        if (await services.Scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return Results.NotFound();
        }
        var typedThemes = scope.Questionnaire.Themes.ToDictionary(t => t.Key,
            t => new ThemeFinding(t.Key, BureauForms.Text(form, FindingPrefix + t.Key), BureauForms.Text(form, RecommendationPrefix + t.Key)), StringComparer.Ordinal);
        var typed = new Typed(typedThemes, BureauForms.Text(form, SummaryField));
        var themes = typedThemes.Values.Where(t => t.Finding is not null || t.Recommendation is not null).ToList();
        int? expected = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

        var errors = new List<PageError>();
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in FindingsWorkflow.Validate(scope.Questionnaire, themes, typed.Summary).Keys)
        {
            if (key == "summary")
            {
                fieldErrors[SummaryField] = "too_long";
                errors.Add(new PageError("samenvatting", "too_long", ReviewsApi.MaxTextLength));
                continue;
            }
            // The themes are built from this questionnaire, each once: only a finding or recommendation can be wrong.
            var theme = themes[BureauForms.IndexIn(key, "themes") ?? throw new InvalidOperationException($"Unexpected findings error '{key}'.")];
            var isFinding = key.EndsWith(".finding", StringComparison.Ordinal);
            var error = isFinding && theme.Finding is null ? "finding_missing" : "too_long";
            var prefix = isFinding ? FindingPrefix : RecommendationPrefix;
            fieldErrors[prefix + theme.ThemeKey] = error;
            errors.Add(new PageError(FieldId(prefix, theme.ThemeKey!), error, ReviewsApi.MaxTextLength));
        }
        if (errors.Count > 0)
        {
            var current = await services.Findings.GetAsync(participationId, cancellationToken);
            return await FormAsync(scope, services, typed, current, null, expected, errors, fieldErrors, null, StatusCodes.Status400BadRequest, cancellationToken);
        }
        // As in the API: once findings exist, a save must name the version it edited; "none" while some exist is a conflict too.
        var existing = expected is null ? await services.Findings.GetAsync(participationId, cancellationToken) : null;
        var result = existing is null
            ? await FindingsWorkflow.SaveAsync(participationId, themes, typed.Summary, expected, principal, services.Findings, services.Clock, cancellationToken)
            : new FindingsSaveResult(FindingsSaveOutcome.VersionMismatch, existing);
        return result.Outcome switch
        {
            FindingsSaveOutcome.Saved => Results.Redirect($"{BureauPages.FindingsPath(participationId)}?{ParticipationPage.MessageQuery}=saved"),
            FindingsSaveOutcome.NotFound => Results.NotFound(),
            _ => await FormAsync(scope, services, typed, result.Findings, result.Findings, result.Findings?.Version, [new PageError(null, "conflict")], fieldErrors, null,
                StatusCodes.Status409Conflict, cancellationToken),
        };
    }

    private static string FieldId(string prefix, string themeKey) => BureauForms.IdFor(prefix.TrimEnd(':'), themeKey);

    /// <summary>
    /// The form with <paramref name="typed"/> in it and <paramref name="version"/> in its hidden field; <paramref name="theirs"/> (on a
    /// conflict) is the colleague's version, shown beside it. On a conflict the form carries the colleague's version, so that saving
    /// again replaces it knowingly; after a validation error it keeps the version it was opened at.
    /// </summary>
    private static async Task<IResult> FormAsync(
        ParticipationScope scope, BureauServices services, Typed typed, FindingsRecord? stored, FindingsRecord? theirs, int? version,
        IReadOnlyList<PageError> errors, IReadOnlyDictionary<string, string> fieldErrors, string? message, int status, CancellationToken cancellationToken)
    {
        var file = services.File();
        var (header, _) = await file.LoadAsync(scope, withHistory: false, cancellationToken);
        var their = theirs is null ? null : FindingsWorkflow.ThemesOf(theirs).ToDictionary(t => t.ThemeKey!, StringComparer.Ordinal);
        var themes = scope.Questionnaire.Themes.Select((t, i) =>
        {
            var mine = typed.Themes.GetValueOrDefault(t.Key);
            var other = their?.GetValueOrDefault(t.Key);
            return new FindingsTheme(t.Key, i + 1, t.Title,
                FindingPrefix + t.Key, FieldId(FindingPrefix, t.Key), mine?.Finding, fieldErrors.GetValueOrDefault(FindingPrefix + t.Key),
                RecommendationPrefix + t.Key, FieldId(RecommendationPrefix, t.Key), mine?.Recommendation, fieldErrors.GetValueOrDefault(RecommendationPrefix + t.Key),
                other?.Finding, other?.Recommendation);
        }).ToList();
        return new HtmlPage(Name, new Model(header, themes, typed.Summary, fieldErrors.GetValueOrDefault(SummaryField),
            version?.ToString(CultureInfo.InvariantCulture) ?? "", stored is null ? null : await file.NameAsync(stored.UpdatedBy, cancellationToken),
            stored?.UpdatedAt, theirs is not null, theirs?.Summary, errors, message), status);
    }
}
