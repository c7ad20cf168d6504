using System.Text;
using System.Text.Json;

namespace Audit.Reports.Exports;

/// <summary>A spreadsheet cell's content: a number, a text, or nothing.</summary>
internal readonly record struct SheetCell(string? Text, decimal? Number)
{
    public static SheetCell Empty => default;

    public static SheetCell Of(string? text) => new(text, null);

    public static SheetCell Of(decimal number) => new(null, number);

    public bool IsEmpty => Text is null && Number is null;
}

/// <summary>
/// One stored answer as an analyst reads it in a spreadsheet: yes/no as "yes"/"no", numbers (and maturity levels)
/// as numbers, choices as their labels, a grid as "row/column=n; …" with every cell, text as it is. Questions hidden
/// by an earlier answer and unanswered questions are empty; "not_applicable" is written as such.
/// </summary>
internal static class AnswerCells
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellText = 32767;

    public static SheetCell For(Questionnaire questionnaire, Question question, IReadOnlyDictionary<string, JsonElement> answers)
    {
        if (!answers.TryGetValue(question.Key, out var value) || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            || (question.VisibleWhen is not null && !Visibility.IsVisible(questionnaire, question, answers)))
        {
            return SheetCell.Empty;
        }
        if (value.ValueKind == JsonValueKind.String && value.ValueEquals(Question.NotApplicable)
            && (question.Type != QuestionType.Text || question.AllowNotApplicable))
        {
            return SheetCell.Of(Question.NotApplicable);
        }
        return question.Type switch
        {
            QuestionType.Maturity or QuestionType.Number =>
                value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? SheetCell.Of(number) : Raw(value),
            QuestionType.YesNo => value.ValueKind == JsonValueKind.String ? SheetCell.Of(value.GetString()) : Raw(value),
            QuestionType.SingleChoice => value.ValueKind == JsonValueKind.String ? SheetCell.Of(Label(question, value.GetString()!)) : Raw(value),
            QuestionType.MultiChoice => value.ValueKind == JsonValueKind.Array ? SheetCell.Of(MultiChoice(question, value)) : Raw(value),
            QuestionType.Grid => GridAnswers(question, value),
            QuestionType.Text => value.ValueKind == JsonValueKind.String ? SheetCell.Of(Clip(value.GetString()!)) : Raw(value),
            _ => Raw(value),
        };
    }

    private static string Label(Question question, string key) => question.Options.FirstOrDefault(o => o.Key == key)?.Label ?? key;

    /// <summary>The chosen labels in definition order.</summary>
    private static string MultiChoice(Question question, JsonElement value)
    {
        var chosen = value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
        return string.Join("; ", question.Options.Where(o => chosen.Contains(o.Key)).Select(o => o.Label));
    }

    private static SheetCell GridAnswers(Question question, JsonElement value)
    {
        if (Mapping.GridAnswers.Counts(question, value) is not { } counts)
        {
            return Raw(value);
        }
        var text = new StringBuilder();
        for (var r = 0; r < question.Rows.Count; r++)
        {
            for (var c = 0; c < question.Columns.Count; c++)
            {
                if (text.Length > 0)
                {
                    text.Append("; ");
                }
                text.Append(question.Rows[r].Key).Append('/').Append(question.Columns[c].Key).Append('=')
                    .Append(counts[r][c].ToString(CultureInfo.InvariantCulture));
            }
        }
        return SheetCell.Of(text.ToString());
    }

    /// <summary>A value of the wrong kind (validation was bypassed) is shown as its JSON rather than hidden.</summary>
    private static SheetCell Raw(JsonElement value) => SheetCell.Of(Clip(value.GetRawText()));

    private static string Clip(string text) => text.Length <= MaxCellText ? text : text[..MaxCellText];
}
