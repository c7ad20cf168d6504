using System.Security.Claims;
using System.Text.Json;
using Audit.Api.Access;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using static Audit.Api.Reviews.FindingsApi;

namespace Audit.Api.Reviews;

/// <summary>
/// Checking and storing the bureau's findings, the same for the API and the findings editor page: every theme named
/// once and known to the questionnaire, a finding of 1 to <see cref="ReviewsApi.MaxTextLength"/> characters per
/// listed theme, and optimistic concurrency on the version.
/// </summary>
public static class FindingsWorkflow
{
    public static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    /// <summary>Every problem, keyed like the API body: <c>themes</c>, <c>themes[i].themeKey</c>, <c>themes[i].finding</c>,
    /// <c>themes[i].recommendation</c>, <c>summary</c>.</summary>
    public static Dictionary<string, string[]> Validate(Questionnaire questionnaire, IReadOnlyList<ThemeFinding>? themes, string? summary)
    {
        var errors = new Dictionary<string, string[]>();
        if (themes is null)
        {
            errors["themes"] = ["The themes are required (an empty list is allowed)."];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = themes ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var theme = items[i];
            if (string.IsNullOrEmpty(theme.ThemeKey) || questionnaire.Themes.All(t => t.Key != theme.ThemeKey))
            {
                errors[$"themes[{i}].themeKey"] = [$"The questionnaire has no theme '{theme.ThemeKey}'; expected one of {string.Join(", ", questionnaire.Themes.Select(t => t.Key))}."];
            }
            else if (!seen.Add(theme.ThemeKey))
            {
                errors[$"themes[{i}].themeKey"] = [$"Theme '{theme.ThemeKey}' appears more than once."];
            }
            if (string.IsNullOrWhiteSpace(theme.Finding) || theme.Finding.Length > ReviewsApi.MaxTextLength)
            {
                errors[$"themes[{i}].finding"] = [$"A finding has 1 to {ReviewsApi.MaxTextLength} characters."];
            }
            if (theme.Recommendation is { Length: > ReviewsApi.MaxTextLength })
            {
                errors[$"themes[{i}].recommendation"] = [$"A recommendation has at most {ReviewsApi.MaxTextLength} characters."];
            }
        }
        if (summary is { Length: > ReviewsApi.MaxTextLength })
        {
            errors["summary"] = [$"The summary may be at most {ReviewsApi.MaxTextLength} characters."];
        }
        return errors;
    }

    /// <summary>Stores already validated findings; with <paramref name="expectedVersion"/> only if they are still at it.</summary>
    public static Task<FindingsSaveResult> SaveAsync(
        string participationId, IReadOnlyList<ThemeFinding> themes, string? summary, int? expectedVersion, ClaimsPrincipal principal,
        IFindingsRepository findings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(themes.Select(t => new ThemeFinding(t.ThemeKey, t.Finding, t.Recommendation)).ToList(), StoredJson);
        return findings.PutAsync(participationId, json, summary, expectedVersion, principal.ToActor(), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The stored themes of a findings record.</summary>
    public static IReadOnlyList<ThemeFinding> ThemesOf(FindingsRecord record) =>
        JsonSerializer.Deserialize<List<ThemeFinding>>(record.FindingsJson, StoredJson) ?? [];
}
