namespace Audit.Core.Answers;

/// <summary>
/// Where a set of answers stands. <see cref="Answered"/> counts visible questions with a valid answer,
/// <see cref="Required"/> the required visible questions and <see cref="RequiredAnswered"/> how many of those
/// have a valid answer (the progress figure: RequiredAnswered of Required).
/// </summary>
public abstract record CompletenessFigures(
    IReadOnlyList<string> Missing,
    IReadOnlyList<AnswerError> Invalid,
    int Answered,
    int Required,
    int RequiredAnswered)
{
    /// <summary>Ready to submit: nothing required is missing and nothing given is invalid.</summary>
    public bool IsComplete => Missing.Count == 0 && Invalid.Count == 0;
}

/// <summary>The figures for a whole questionnaire.</summary>
public sealed record CompletenessResult(
    IReadOnlyList<string> Missing, IReadOnlyList<AnswerError> Invalid, int Answered, int Required, int RequiredAnswered)
    : CompletenessFigures(Missing, Invalid, Answered, Required, RequiredAnswered);

/// <summary>The same figures for one theme, so a page can show progress per theme and what is missing where.</summary>
public sealed record ThemeProgress(
    string ThemeKey, IReadOnlyList<string> Missing, IReadOnlyList<AnswerError> Invalid, int Answered, int Required, int RequiredAnswered)
    : CompletenessFigures(Missing, Invalid, Answered, Required, RequiredAnswered);

public static partial class AnswerValidator
{
    /// <summary>
    /// Checks a whole answer set before submission. A hidden question (visibleWhen not met) is never
    /// required and its answer, if any, is ignored; an answer to a key the questionnaire lacks is invalid.
    /// </summary>
    public static CompletenessResult CompletenessCheck(Questionnaire questionnaire, IReadOnlyDictionary<string, JsonElement> answers)
    {
        var themes = ProgressPerTheme(questionnaire, answers);
        var invalid = themes.SelectMany(t => t.Invalid).ToList();
        var known = questionnaire.AllQuestions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        invalid.AddRange(answers.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal)
            .Select(k => new AnswerError(k, "This questionnaire has no such question.")));
        return new CompletenessResult(
            [.. themes.SelectMany(t => t.Missing)], invalid, themes.Sum(t => t.Answered), themes.Sum(t => t.Required), themes.Sum(t => t.RequiredAnswered));
    }

    /// <summary>Completeness per theme, in questionnaire order; visibility is judged on the whole answer set, across themes.</summary>
    public static IReadOnlyList<ThemeProgress> ProgressPerTheme(Questionnaire questionnaire, IReadOnlyDictionary<string, JsonElement> answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        var result = new List<ThemeProgress>(questionnaire.Themes.Count);
        foreach (var theme in questionnaire.Themes)
        {
            var missing = new List<string>();
            var invalid = new List<AnswerError>();
            int answered = 0, required = 0, requiredAnswered = 0;
            foreach (var question in theme.Questions)
            {
                if (!Visibility.IsVisible(questionnaire, question, answers))
                {
                    continue;
                }
                if (question.Required)
                {
                    required++;
                }
                if (!answers.TryGetValue(question.Key, out var value))
                {
                    if (question.Required)
                    {
                        missing.Add(question.Key);
                    }
                    continue;
                }
                var errors = Validate(question, value);
                if (errors.Count > 0)
                {
                    invalid.AddRange(errors);
                    continue;
                }
                answered++;
                if (question.Required)
                {
                    requiredAnswered++;
                }
            }
            result.Add(new ThemeProgress(theme.Key, missing, invalid, answered, required, requiredAnswered));
        }
        return result;
    }
}
