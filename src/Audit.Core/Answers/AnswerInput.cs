namespace Audit.Core.Answers;

/// <summary>Checks and stores answer values the same way for a single write and a batch.</summary>
public static class AnswerInput
{
    public const int MaxCommentLength = 4000;
    public const int MaxBatchSize = 500;

    /// <summary>Every problem with one answer: unknown question, invalid value (all of Core's errors), overlong comment.</summary>
    public static List<string> Check(Questionnaire questionnaire, string questionKey, JsonElement value, string? comment,
        out List<string> commentErrors)
    {
        commentErrors = [];
        if (comment is { Length: > MaxCommentLength })
        {
            commentErrors.Add($"The comment is {comment.Length} characters long; at most {MaxCommentLength} are allowed.");
        }
        return questionnaire.FindQuestion(questionKey) is { } question
            ? AnswerValidator.Validate(question, value).Select(e => e.Message).ToList()
            : [$"The questionnaire {questionnaire.Key} {questionnaire.Version} has no question '{questionKey}'."];
    }

    /// <summary>Compact JSON, as stored and hashed.</summary>
    public static string Canonical(JsonElement value) => JsonSerializer.Serialize(value);

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Current answers as Core's checks and the reports take them: question key to value.</summary>
    public static Dictionary<string, JsonElement> Values(IEnumerable<AnswerRecord> answers) =>
        answers.ToDictionary(a => a.QuestionKey, a => Parse(a.ValueJson), StringComparer.Ordinal);

    /// <inheritdoc cref="Values(IEnumerable{AnswerRecord})"/>
    public static Dictionary<string, JsonElement> Values(IReadOnlyDictionary<string, string> valuesJson) =>
        valuesJson.ToDictionary(a => a.Key, a => Parse(a.Value), StringComparer.Ordinal);
}
