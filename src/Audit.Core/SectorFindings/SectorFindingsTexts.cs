namespace Audit.Core.SectorFindings;

/// <summary>
/// The bureau's text on one theme for the whole sector, each part Markdown: findings (required), conclusions and
/// recommendations to the sector, and illustrations from the deep-dive, written anonymously by the analyst (never a
/// quoted note). Stored as a JSON list of these, camelCase.
/// </summary>
public sealed record SectorFindingsTheme(string? ThemeKey, string? Findings, string? Conclusions, string? Recommendations, string? Illustrations = null);

/// <summary>
/// The rules for sector findings, the same for the API and the pages. Every problem is reported at once, keyed by its
/// path in the API body (<c>summary</c>, <c>themes</c>, <c>themes[i].themeKey</c>, <c>themes[i].findings</c>,
/// <c>themes[i].conclusions</c>, <c>themes[i].recommendations</c>, <c>themes[i].illustrations</c>).
/// </summary>
public static class SectorFindingsTexts
{
    /// <summary>A few careful paragraphs per part; the report to parliament is not the place for a document per theme.</summary>
    public const int MaxTextLength = 20_000;

    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    public static Dictionary<string, string[]> Check(Questionnaire questionnaire, string? summary, IReadOnlyList<SectorFindingsTheme?>? themes)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(summary) || summary.Length > MaxTextLength)
        {
            errors["summary"] = [$"The summary is required, at most {MaxTextLength} characters."];
        }
        if (themes is null)
        {
            errors["themes"] = ["The themes are required (an empty list is allowed)."];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = themes ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var theme = items[i];
            var key = theme?.ThemeKey;
            if (string.IsNullOrEmpty(key) || questionnaire.Themes.All(t => t.Key != key))
            {
                errors[$"themes[{i}].themeKey"] = [$"The questionnaire has no theme '{key}'; expected one of {string.Join(", ", questionnaire.Themes.Select(t => t.Key))}."];
            }
            else if (!seen.Add(key))
            {
                errors[$"themes[{i}].themeKey"] = [$"Theme '{key}' appears more than once."];
            }
            if (string.IsNullOrWhiteSpace(theme?.Findings) || theme.Findings.Length > MaxTextLength)
            {
                errors[$"themes[{i}].findings"] = [$"The findings are required, at most {MaxTextLength} characters."];
            }
            Optional(theme?.Conclusions, $"themes[{i}].conclusions", errors);
            Optional(theme?.Recommendations, $"themes[{i}].recommendations", errors);
            Optional(theme?.Illustrations, $"themes[{i}].illustrations", errors);
        }
        return errors;
    }

    /// <summary>The stored form of checked themes, blank optional parts as null, in questionnaire order.</summary>
    public static string ToStoredJson(Questionnaire questionnaire, IEnumerable<SectorFindingsTheme> themes)
    {
        var order = questionnaire.Themes.Select((t, i) => (t.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var normalized = themes
            .OrderBy(t => order.GetValueOrDefault(t.ThemeKey ?? "", int.MaxValue))
            .Select(t => new SectorFindingsTheme(t.ThemeKey, t.Findings, Blank(t.Conclusions), Blank(t.Recommendations), Blank(t.Illustrations)))
            .ToList();
        return JsonSerializer.Serialize(normalized, StoredJson);
    }

    public static IReadOnlyList<SectorFindingsTheme> ThemesOf(SectorFindingsRecord record) =>
        JsonSerializer.Deserialize<List<SectorFindingsTheme>>(record.ThemesJson, StoredJson) ?? [];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static void Optional(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is { Length: > MaxTextLength })
        {
            errors[field] = [$"At most {MaxTextLength} characters."];
        }
    }
}
