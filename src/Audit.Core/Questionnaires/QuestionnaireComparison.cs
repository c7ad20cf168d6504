namespace Audit.Core.Questionnaires;

/// <summary>A question whose key survived into the newer version but whose type changed, so its answers no longer compare.</summary>
public sealed record QuestionTypeChange(string Key, QuestionType OlderType, QuestionType NewerType);

/// <summary>How two versions of a questionnaire relate, question by question. Lists follow questionnaire order.</summary>
public sealed record QuestionnaireComparisonResult(
    IReadOnlyList<string> Comparable,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Dropped,
    IReadOnlyList<QuestionTypeChange> TypeChanged);

/// <summary>
/// Decides which questions trends may compare across versions: a question key present in both with the
/// same type is "the same question". Anything else (new, dropped, retyped) has no earlier value to compare.
/// </summary>
public static class QuestionnaireComparison
{
    public static QuestionnaireComparisonResult Compare(Questionnaire older, Questionnaire newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var olderTypes = older.AllQuestions.ToDictionary(q => q.Key, q => q.Type, StringComparer.Ordinal);
        var newerKeys = newer.AllQuestions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);

        var comparable = new List<string>();
        var added = new List<string>();
        var typeChanged = new List<QuestionTypeChange>();
        foreach (var question in newer.AllQuestions)
        {
            if (!olderTypes.TryGetValue(question.Key, out var olderType))
            {
                added.Add(question.Key);
            }
            else if (olderType == question.Type)
            {
                comparable.Add(question.Key);
            }
            else
            {
                typeChanged.Add(new QuestionTypeChange(question.Key, olderType, question.Type));
            }
        }
        var dropped = older.AllQuestions.Select(q => q.Key).Where(k => !newerKeys.Contains(k)).ToList();
        return new QuestionnaireComparisonResult(comparable, added, dropped, typeChanged);
    }

    public static bool IsComparable(Questionnaire older, Questionnaire newer, string questionKey)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        return older.FindQuestion(questionKey) is { } before
            && newer.FindQuestion(questionKey) is { } after
            && before.Type == after.Type;
    }
}
