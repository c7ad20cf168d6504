using Audit.Core.Rounds;

namespace Audit.Core.Reviews;

/// <summary>A remark as the bureau writes it, before it is checked: either part, or the whole item, may be missing.</summary>
public sealed record RemarkInput(string? QuestionKey, string? Text);

/// <summary>
/// The bureau's finding and recommendation on one theme, as written and as stored in
/// <see cref="FindingsRecord.FindingsJson"/> (a JSON list of these, camelCase).
/// </summary>
public sealed record FindingsTheme(string? ThemeKey, string? Finding, string? Recommendation);

/// <summary>
/// The rules for what the bureau writes in a review and in its findings, the same for the API and the pages. Every
/// problem is reported at once, keyed by its path in the API body, so a page can map each key to its own field.
/// </summary>
public static class ReviewTexts
{
    /// <summary>Remarks, summaries, findings and recommendations: long enough for a careful paragraph, not a document.</summary>
    public const int MaxTextLength = 10_000;

    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Keys: <c>decision</c>, <c>remarks</c>, <c>remarks[i].questionKey</c>, <c>remarks[i].text</c>, <c>summary</c>. A null
    /// item is a remark without question and text. <paramref name="checkedRemarks"/> holds one remark per item, in order.
    /// A return needs at least one remark or a summary (<c>remarks</c>): the institution is told to look at the remarks,
    /// and a return without any leaves it nothing to act on.
    /// </summary>
    public static Dictionary<string, string[]> CheckReview(
        Questionnaire questionnaire, string? decisionName, IReadOnlyList<RemarkInput?> remarks, string? summary,
        out ReviewOutcome decision, out List<ReviewRemark> checkedRemarks)
    {
        var errors = new Dictionary<string, string[]>();
        var known = ReviewDecisions.TryParse(decisionName, out decision);
        if (!known)
        {
            errors["decision"] = ["The decision must be \"return\" or \"accept\"."];
        }
        checkedRemarks = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < remarks.Count; i++)
        {
            var (key, text) = (remarks[i]?.QuestionKey, remarks[i]?.Text);
            if (string.IsNullOrEmpty(key) || questionnaire.FindQuestion(key) is null)
            {
                errors[$"remarks[{i}].questionKey"] = [$"The questionnaire has no question '{key}'."];
            }
            else if (!seen.Add(key))
            {
                errors[$"remarks[{i}].questionKey"] = [$"'{key}' has more than one remark; combine them."];
            }
            if (!IsText(text))
            {
                errors[$"remarks[{i}].text"] = [$"A remark has a text of 1 to {MaxTextLength} characters."];
            }
            checkedRemarks.Add(new ReviewRemark(key ?? "", text ?? ""));
        }
        CheckSummary(summary, errors);
        if (known && decision == ReviewOutcome.Return && remarks.Count == 0 && string.IsNullOrWhiteSpace(summary))
        {
            errors["remarks"] = [ReturnNeedsRemark];
        }
        return errors;
    }

    public const string ReturnNeedsRemark = "A return needs at least one remark or a summary, so that the institution knows what to change.";

    /// <summary>
    /// Keys: <c>themes</c>, <c>themes[i].themeKey</c>, <c>themes[i].finding</c>, <c>themes[i].recommendation</c>,
    /// <c>summary</c>. Every theme named once and known to the questionnaire, with a finding; a null item is a theme
    /// without key and finding.
    /// </summary>
    public static Dictionary<string, string[]> CheckFindings(Questionnaire questionnaire, IReadOnlyList<FindingsTheme?>? themes, string? summary)
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
            var (key, finding, recommendation) = (items[i]?.ThemeKey, items[i]?.Finding, items[i]?.Recommendation);
            if (string.IsNullOrEmpty(key) || questionnaire.Themes.All(t => t.Key != key))
            {
                errors[$"themes[{i}].themeKey"] = [$"The questionnaire has no theme '{key}'; expected one of {string.Join(", ", questionnaire.Themes.Select(t => t.Key))}."];
            }
            else if (!seen.Add(key))
            {
                errors[$"themes[{i}].themeKey"] = [$"Theme '{key}' appears more than once."];
            }
            if (!IsText(finding))
            {
                errors[$"themes[{i}].finding"] = [$"A finding has 1 to {MaxTextLength} characters."];
            }
            if (recommendation is { Length: > MaxTextLength })
            {
                errors[$"themes[{i}].recommendation"] = [$"A recommendation has at most {MaxTextLength} characters."];
            }
        }
        CheckSummary(summary, errors);
        return errors;
    }

    /// <summary>The stored form of checked themes.</summary>
    public static string ToStoredJson(IEnumerable<FindingsTheme> themes) => JsonSerializer.Serialize(themes.ToList(), StoredJson);

    /// <summary>The themes of stored findings, in the order they were saved.</summary>
    public static IReadOnlyList<FindingsTheme> ThemesOf(FindingsRecord record) =>
        JsonSerializer.Deserialize<List<FindingsTheme>>(record.FindingsJson, StoredJson) ?? [];

    private static bool IsText(string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= MaxTextLength;

    private static void CheckSummary(string? summary, Dictionary<string, string[]> errors)
    {
        if (summary is { Length: > MaxTextLength })
        {
            errors["summary"] = [$"The summary may be at most {MaxTextLength} characters."];
        }
    }
}
