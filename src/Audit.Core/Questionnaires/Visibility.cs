using System.Globalization;

namespace Audit.Core.Questionnaires;

/// <summary>
/// Decides whether a question is shown, given the answers so far. A question is visible when it has no
/// condition, or when the question it depends on is itself visible and answered with the given value.
/// Hidden questions are not required and their answers are ignored in statistics.
/// </summary>
public static class Visibility
{
    public static bool IsVisible(Questionnaire questionnaire, Question question, IReadOnlyDictionary<string, JsonElement> answers)
    {
        // The loader guarantees conditions point backwards, so this walk terminates; the depth guard
        // only protects against a hand-built model that skipped validation.
        var current = question;
        for (var depth = 0; current.VisibleWhen is { } condition; depth++)
        {
            if (depth > 64)
            {
                return false;
            }
            if (!answers.TryGetValue(condition.Question, out var value) || !ScalarEquals(value, condition.EqualsValue))
            {
                return false;
            }
            var parent = questionnaire.FindQuestion(condition.Question);
            if (parent is null)
            {
                return false;
            }
            current = parent;
        }
        return true;
    }

    /// <summary>
    /// <c>ScalarText(value) == text</c>, without decoding a string answer into a new string: a sector view checks
    /// this for every institution and every conditional question.
    /// </summary>
    private static bool ScalarEquals(JsonElement value, string text) =>
        value.ValueKind == JsonValueKind.String ? value.ValueEquals(text) : string.Equals(ScalarText(value), text, StringComparison.Ordinal);

    /// <summary>The string form of a JSON scalar used for visibleWhen comparisons: "yes", "3", "true".</summary>
    public static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
