namespace Audit.Core.Answers;

/// <summary>
/// Whether an answer meets its question's norm, for statistics and reports. Null means "cannot be judged":
/// the question has no norm, the answer is not_applicable, or the answer is invalid.
/// </summary>
public static class NormCheck
{
    public static bool? MeetsNorm(Question question, JsonElement answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Norm is not { } norm || AnswerValidator.Validate(question, answer).Count > 0
            || (answer.ValueKind == JsonValueKind.String && answer.GetString() == Question.NotApplicable && question.AllowNotApplicable))
        {
            return null;
        }
        return question.Type switch
        {
            QuestionType.YesNo or QuestionType.SingleChoice when norm.Values is { } keys => keys.Contains(answer.GetString()!),
            QuestionType.Maturity or QuestionType.Number when norm.AtLeast is { } atLeast => answer.GetDecimal() >= atLeast,
            // Every option the norm names must be among the selected ones.
            QuestionType.MultiChoice when norm.Values is { } keys =>
                keys.All(k => answer.EnumerateArray().Any(item => item.GetString() == k)),
            _ => null,
        };
    }
}
