using System.Text.Json;
using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>
/// An institution's stored answer (canonical JSON) as the feedback report shows it. Answers were validated when
/// they were saved; a value of the wrong kind still shows as unanswered rather than failing the whole report.
/// </summary>
internal static class OwnAnswers
{
    public static OwnAnswer For(
        Questionnaire questionnaire, Question question, IReadOnlyDictionary<string, JsonElement> answers, string? comment)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment;
        if (question.VisibleWhen is not null && !Visibility.IsVisible(questionnaire, question, answers))
        {
            return new OwnAnswer(AnswerStates.NotAsked, Comment: comment);
        }
        if (!answers.TryGetValue(question.Key, out var value) || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new OwnAnswer(AnswerStates.Unanswered, Comment: comment);
        }
        if (IsNotApplicable(question, value))
        {
            return new OwnAnswer(AnswerStates.NotApplicable, Comment: comment);
        }
        var answer = Read(questionnaire, question, value);
        return answer is null
            ? new OwnAnswer(AnswerStates.Unanswered, Comment: comment)
            : answer with { Comment = comment };
    }

    /// <summary>"not_applicable" is a state for every type but text, where it may be someone's literal answer.</summary>
    private static bool IsNotApplicable(Question question, JsonElement value) =>
        value.ValueKind == JsonValueKind.String
        && value.ValueEquals(Question.NotApplicable)
        && (question.Type != QuestionType.Text || question.AllowNotApplicable);

    private static OwnAnswer? Read(Questionnaire questionnaire, Question question, JsonElement value)
    {
        switch (question.Type)
        {
            case QuestionType.Maturity:
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var level)
                    && level == decimal.Truncate(level) && level is >= Question.MaturityMin and <= Question.MaturityMax)
                {
                    var key = ((int)level).ToString(CultureInfo.InvariantCulture);
                    return Answered(level, [key], [OptionLabels.Of(questionnaire, question, key)]);
                }
                return null;
            case QuestionType.Number:
                return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? Answered(number, [], []) : null;
            case QuestionType.YesNo:
            case QuestionType.SingleChoice:
                var options = question.Type == QuestionType.YesNo ? OptionLabels.YesNoKeys : question.Options.Select(o => o.Key).ToList();
                return value.ValueKind == JsonValueKind.String && value.GetString() is { } option && options.Contains(option)
                    ? Answered(null, [option], [OptionLabels.Of(questionnaire, question, option)])
                    : null;
            case QuestionType.MultiChoice:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }
                var chosen = value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
                // Definition order, not the order the boxes were ticked in.
                var keys = question.Options.Where(o => chosen.Contains(o.Key)).ToList();
                return Answered(null, keys.Select(o => o.Key).ToList(), keys.Select(o => o.Label).ToList());
            case QuestionType.Grid:
                return GridAnswers.Read(question, value) is { } grid ? new OwnAnswer(AnswerStates.Answered, Grid: grid) : null;
            case QuestionType.Text:
                return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                    ? new OwnAnswer(AnswerStates.Answered, Text: text)
                    : null;
            default:
                return null;
        }
    }

    private static OwnAnswer Answered(decimal? value, IReadOnlyList<string> keys, IReadOnlyList<string> labels) =>
        new(AnswerStates.Answered, value, keys, labels);
}

/// <summary>A grid answer <c>{ row: { column: n } }</c> (missing cells are 0) as counts in definition order.</summary>
internal static class GridAnswers
{
    /// <summary>The counts per row and column in definition order, or null when the value is not a grid answer.</summary>
    public static long[][]? Counts(Question question, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var counts = question.Rows.Select(_ => new long[question.Columns.Count]).ToArray();
        for (var r = 0; r < question.Rows.Count; r++)
        {
            if (!value.TryGetProperty(question.Rows[r].Key, out var row) || row.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            for (var c = 0; c < question.Columns.Count; c++)
            {
                if (row.TryGetProperty(question.Columns[c].Key, out var cell) && cell.ValueKind == JsonValueKind.Number
                    && cell.TryGetInt64(out var count) && count > 0)
                {
                    counts[r][c] = count;
                }
            }
        }
        return counts;
    }

    /// <summary>One institution's own grid, with its totals; nothing of it is withheld from the institution itself.</summary>
    public static GridReport? Read(Question question, JsonElement value)
    {
        if (Counts(question, value) is not { } counts)
        {
            return null;
        }
        var rows = question.Rows.Select((row, r) => new GridRow(
            row.Key, row.Label, counts[r].Select(n => new GridValue(n)).ToList(), new GridValue(counts[r].Sum()))).ToList();
        var columnTotals = question.Columns.Select((_, c) => new GridValue(counts.Sum(row => row[c]))).ToList();
        return new GridReport(
            question.Columns.Select(c => new GridAxisItem(c.Key, c.Label)).ToList(),
            rows,
            columnTotals,
            new GridValue(counts.Sum(row => row.Sum())));
    }
}
