using System.Text.Json;

namespace Audit.Reports.Exports.Analysis;

/// <summary>Why a value is missing; null when there is a value.</summary>
public static class MissingReasons
{
    public const string NotApplicable = "not_applicable";
    public const string NotShown = "not_shown";
    public const string Unanswered = "unanswered";

    /// <summary>A stored value of the wrong kind (validation was bypassed): left empty rather than guessed.</summary>
    public const string Unreadable = "unreadable";
}

/// <summary>One variable's value for one participation: the text written in the CSV, and why it is missing if it is.</summary>
public readonly record struct CodedValue(string Text, string? Missing)
{
    public static CodedValue Of(string text) => new(text, null);

    public static CodedValue Number(decimal number) => new(number.ToString(CultureInfo.InvariantCulture), null);

    public static CodedValue Code(int code) => new(code.ToString(CultureInfo.InvariantCulture), null);

    public static readonly CodedValue Unanswered = new("", MissingReasons.Unanswered);
    public static readonly CodedValue Unreadable = new("", MissingReasons.Unreadable);
    public static readonly CodedValue NotApplicable = new(MissingCodes.Text(MissingCodes.NotApplicable), MissingReasons.NotApplicable);
    public static readonly CodedValue NotShown = new(MissingCodes.Text(MissingCodes.NotShown), MissingReasons.NotShown);
}

/// <summary>
/// Turns a participation's stored answers into the numeric codes of the variables. Visibility is judged with the
/// participation's own questionnaire (in a trend file the variables may come from another version), exactly as the
/// sector view does: a hidden question is "not shown" even when an old answer is still stored.
/// </summary>
public static class AnswerCoding
{
    public static CodedValue Encode(Questionnaire own, AnalysisVariable variable, IReadOnlyDictionary<string, JsonElement> answers)
    {
        var question = own.FindQuestion(variable.Question.Key);
        if (question is null || question.Type != variable.Question.Type)
        {
            return CodedValue.Unanswered;
        }
        if (question.VisibleWhen is not null && !Visibility.IsVisible(own, question, answers))
        {
            return CodedValue.NotShown;
        }
        if (!answers.TryGetValue(question.Key, out var value) || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return CodedValue.Unanswered;
        }
        if (value.ValueKind == JsonValueKind.String && value.ValueEquals(Question.NotApplicable)
            && (question.Type != QuestionType.Text || question.AllowNotApplicable))
        {
            return CodedValue.NotApplicable;
        }
        return variable.Measure switch
        {
            VariableMeasure.Category when question.Type == QuestionType.YesNo => YesNo(value),
            VariableMeasure.Category => Choice(variable.Question, value),
            VariableMeasure.Level or VariableMeasure.Number =>
                value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? CodedValue.Number(number) : CodedValue.Unreadable,
            VariableMeasure.Flag => Flag(question, variable.Option!, value),
            VariableMeasure.Count => Cell(question, variable.Row!, variable.Column!, value),
            _ => value.ValueKind == JsonValueKind.String ? CodedValue.Of(value.GetString()!) : CodedValue.Unreadable,
        };
    }

    private static CodedValue YesNo(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.ValueEquals(AnalysisVariables.YesKey) => CodedValue.Code(1),
        JsonValueKind.String when value.ValueEquals(AnalysisVariables.NoKey) => CodedValue.Code(0),
        JsonValueKind.True => CodedValue.Code(1),
        JsonValueKind.False => CodedValue.Code(0),
        _ => CodedValue.Unreadable,
    };

    /// <summary>Codes follow the variable's options (in a trend file, the merged list), so one code means one option in every round.</summary>
    private static CodedValue Choice(Question variableQuestion, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return CodedValue.Unreadable;
        }
        for (var i = 0; i < variableQuestion.Options.Count; i++)
        {
            if (value.ValueEquals(variableQuestion.Options[i].Key))
            {
                return CodedValue.Code(i + 1);
            }
        }
        return CodedValue.Unreadable;
    }

    /// <summary>An option this version did not offer is empty, not "not chosen".</summary>
    private static CodedValue Flag(Question own, string option, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return CodedValue.Unreadable;
        }
        if (own.Options.All(o => o.Key != option))
        {
            return CodedValue.Unanswered;
        }
        return CodedValue.Code(value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.ValueEquals(option)) ? 1 : 0);
    }

    /// <summary>A cell the respondent left empty counts 0, as the sector view counts it; a row or column this version did not ask is empty.</summary>
    private static CodedValue Cell(Question own, string row, string column, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return CodedValue.Unreadable;
        }
        if (own.Rows.All(r => r.Key != row) || own.Columns.All(c => c.Key != column))
        {
            return CodedValue.Unanswered;
        }
        if (value.TryGetProperty(row, out var cells) && cells.ValueKind == JsonValueKind.Object && cells.TryGetProperty(column, out var cell))
        {
            return cell.ValueKind == JsonValueKind.Number && cell.TryGetInt64(out var count) && count >= 0
                ? CodedValue.Number(count) : CodedValue.Unreadable;
        }
        return CodedValue.Code(0);
    }
}
