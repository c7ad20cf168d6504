namespace Audit.Core.Answers;

/// <summary>One problem with one answer.</summary>
public sealed record AnswerError(string QuestionKey, string Message)
{
    public override string ToString() => $"{QuestionKey}: {Message}";
}

/// <summary>
/// Checks answers in their canonical JSON form against the question. Used at the API edge for each
/// answer and again before submission for the whole set; every problem is reported, not just the first.
/// </summary>
public static partial class AnswerValidator
{
    public static IReadOnlyList<AnswerError> Validate(Question question, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(question);
        var errors = new List<string>();
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            errors.Add("An answer cannot be null; delete the answer to clear it.");
        }
        else
        {
            switch (question.Type)
            {
                case QuestionType.YesNo: YesNo(question, value, errors); break;
                case QuestionType.Maturity: Maturity(question, value, errors); break;
                case QuestionType.Number: Number(question, value, errors); break;
                case QuestionType.SingleChoice: SingleChoice(question, value, errors); break;
                case QuestionType.MultiChoice: MultiChoice(question, value, errors); break;
                case QuestionType.Grid: Grid(question, value, errors); break;
                case QuestionType.Text: Text(question, value, errors); break;
            }
        }
        return errors.Select(message => new AnswerError(question.Key, message)).ToList();
    }

    private static bool IsNotApplicable(Question question, JsonElement value) =>
        question.AllowNotApplicable && value.ValueKind == JsonValueKind.String && value.GetString() == Question.NotApplicable;

    private static void YesNo(Question question, JsonElement value, List<string> errors)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is "yes" or "no" || IsNotApplicable(question, value))
        {
            return;
        }
        errors.Add(question.AllowNotApplicable
            ? "Expected \"yes\", \"no\" or \"not_applicable\"."
            : "Expected \"yes\" or \"no\".");
    }

    private static void Maturity(Question question, JsonElement value, List<string> errors)
    {
        if (IsNotApplicable(question, value))
        {
            return;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var level)
            && level == decimal.Truncate(level) && level is >= Question.MaturityMin and <= Question.MaturityMax)
        {
            return;
        }
        errors.Add(question.AllowNotApplicable
            ? "Expected a maturity level: a whole number from 0 to 5, or \"not_applicable\"."
            : "Expected a maturity level: a whole number from 0 to 5.");
    }

    private static void Number(Question question, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add("Expected a number.");
            return;
        }
        if (!value.TryGetDecimal(out var number))
        {
            errors.Add("The number is out of range.");
            return;
        }
        if (question.Integer && number != decimal.Truncate(number))
        {
            errors.Add("Expected a whole number.");
        }
        if (number < question.Min)
        {
            errors.Add($"The number must be at least {question.Min}.");
        }
        if (number > question.Max)
        {
            errors.Add($"The number must be at most {question.Max}.");
        }
    }

    private static void SingleChoice(Question question, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add("Expected an option key.");
        }
        else if (question.Options.All(o => o.Key != value.GetString()))
        {
            errors.Add($"'{value.GetString()}' is not an option; expected one of {string.Join(", ", question.Options.Select(o => o.Key))}.");
        }
    }

    private static void MultiChoice(Question question, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("Expected a list of option keys.");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add("Every selected item must be an option key.");
                continue;
            }
            var key = item.GetString()!;
            if (question.Options.All(o => o.Key != key))
            {
                errors.Add($"'{key}' is not an option.");
            }
            else if (!seen.Add(key))
            {
                errors.Add($"'{key}' is selected more than once.");
            }
        }
        var count = value.GetArrayLength();
        if (count < question.MinSelected)
        {
            errors.Add($"Select at least {question.MinSelected} option(s).");
        }
        if (count > question.MaxSelected)
        {
            errors.Add($"Select at most {question.MaxSelected} option(s).");
        }
    }

    /// <summary>A grid is {rowKey: {columnKey: count}}; a missing row or cell means 0.</summary>
    private static void Grid(Question question, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("Expected an object of rows, each an object of column counts.");
            return;
        }
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in value.EnumerateObject())
        {
            if (question.Rows.All(r => r.Key != row.Name))
            {
                errors.Add($"'{row.Name}' is not a row of this table.");
                continue;
            }
            if (!rows.Add(row.Name))
            {
                errors.Add($"Row '{row.Name}' appears more than once.");
                continue;
            }
            if (row.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"Row '{row.Name}' must be an object of column counts.");
                continue;
            }
            var columns = new HashSet<string>(StringComparer.Ordinal);
            foreach (var cell in row.Value.EnumerateObject())
            {
                if (question.Columns.All(c => c.Key != cell.Name))
                {
                    errors.Add($"'{cell.Name}' is not a column of this table (row '{row.Name}').");
                }
                else if (!columns.Add(cell.Name))
                {
                    errors.Add($"Cell '{row.Name}'/'{cell.Name}' appears more than once.");
                }
                else if (!IsCount(cell.Value))
                {
                    errors.Add($"Cell '{row.Name}'/'{cell.Name}' must be a whole number of at least 0.");
                }
            }
        }
    }

    private static bool IsCount(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var n) && n >= 0 && n == decimal.Truncate(n);

    private static void Text(Question question, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add("Expected a text.");
            return;
        }
        var text = value.GetString()!;
        // An empty text would count as answered while saying nothing; clearing is a delete, as for null.
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("The text is empty; delete the answer to clear it.");
        }
        else if (text.Length > question.EffectiveMaxLength)
        {
            errors.Add($"The text is {text.Length} characters long; at most {question.EffectiveMaxLength} are allowed.");
        }
    }
}
