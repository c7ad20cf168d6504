using System.Globalization;
using System.Text.Json;
using Audit.Core.Questionnaires;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// An answer as a person reads it, for <c>pages/_answer-value</c>. <see cref="Kind"/> says which fields apply:
/// <c>key</c> (<see cref="Key"/> names a text under <c>t.answer</c>: yes, no, not_applicable), <c>maturity</c>
/// (<see cref="Number"/> is the level, <see cref="Text"/> its label), <c>number</c> (with <see cref="Text"/> as the
/// unit), <c>text</c> (an option label or free text), <c>list</c> (<see cref="Items"/>), <c>grid</c> and
/// <c>unreadable</c> (a stored value that no longer fits the question; <see cref="Text"/> is the raw JSON).
/// </summary>
public sealed record AnswerValue(
    string Kind, string? Key = null, string? Text = null, decimal? Number = null, IReadOnlyList<string>? Items = null, GridValue? Grid = null);

/// <summary>A grid answer: every row and column of the question, missing cells as 0.</summary>
/// <summary>A table answer; <see cref="Caption"/> (the question's text) names its scrollable region, since a wide table scrolls on a phone.</summary>
public sealed record GridValue(IReadOnlyList<string> Columns, IReadOnlyList<GridValueRow> Rows, string Caption = "");

public sealed record GridValueRow(string Label, IReadOnlyList<long> Cells, long Total);

public static class AnswerDisplay
{
    public static AnswerValue Of(Question question, string valueJson)
    {
        using var document = JsonDocument.Parse(valueJson);
        return Of(question, document.RootElement);
    }

    public static AnswerValue Of(Question question, JsonElement value)
    {
        try
        {
            return Read(question, value) ?? Unreadable(value);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            return Unreadable(value);
        }
    }

    private static AnswerValue? Read(Question question, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() == Question.NotApplicable)
        {
            return new AnswerValue("key", Key: Question.NotApplicable);
        }
        switch (question.Type)
        {
            case QuestionType.YesNo when value.GetString() is "yes" or "no":
                return new AnswerValue("key", Key: value.GetString());
            case QuestionType.Maturity when value.ValueKind == JsonValueKind.Number:
                var level = value.GetInt32();
                return new AnswerValue("maturity", Number: level, Text: question.Levels?.GetValueOrDefault(level));
            case QuestionType.Number when value.ValueKind == JsonValueKind.Number:
                return new AnswerValue("number", Number: value.GetDecimal(), Text: question.Unit);
            case QuestionType.SingleChoice when value.ValueKind == JsonValueKind.String:
                return new AnswerValue("text", Text: LabelOf(question.Options, value.GetString()!));
            case QuestionType.MultiChoice when value.ValueKind == JsonValueKind.Array:
                return new AnswerValue("list", Items: [.. value.EnumerateArray().Select(o => LabelOf(question.Options, o.GetString()!))]);
            case QuestionType.Grid when value.ValueKind == JsonValueKind.Object:
                return new AnswerValue("grid", Grid: GridOf(question, value));
            case QuestionType.Text when value.ValueKind == JsonValueKind.String:
                return new AnswerValue("text", Text: value.GetString());
            default:
                return null;
        }
    }

    private static GridValue GridOf(Question question, JsonElement value)
    {
        var rows = question.Rows.Select(row =>
        {
            var cells = question.Columns.Select(column =>
                value.TryGetProperty(row.Key, out var r) && r.ValueKind == JsonValueKind.Object
                && r.TryGetProperty(column.Key, out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : 0L).ToList();
            return new GridValueRow(row.Label, cells, cells.Sum());
        }).ToList();
        return new GridValue([.. question.Columns.Select(c => c.Label)], rows, question.Text);
    }

    private static string LabelOf(IReadOnlyList<Option> options, string key) => options.FirstOrDefault(o => o.Key == key)?.Label ?? key;

    private static AnswerValue Unreadable(JsonElement value) => new("unreadable", Text: value.GetRawText());

    /// <summary>"1.3": the theme's and the question's position, as the reports number questions.</summary>
    public static string NumberOf(int themeIndex, int questionIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{themeIndex + 1}.{questionIndex + 1}");
}
