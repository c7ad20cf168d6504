namespace Audit.Reports.Exports.Analysis;

/// <summary>How a variable is measured, which decides how each loader reads it.</summary>
public enum VariableMeasure
{
    /// <summary>yes_no and single_choice: numeric codes with value labels (a factor in R).</summary>
    Category,

    /// <summary>maturity: levels 0..5, numeric (a mean means something) with value labels.</summary>
    Level,

    /// <summary>number: a plain number.</summary>
    Number,

    /// <summary>One multi-choice option: 1 chosen, 0 not chosen.</summary>
    Flag,

    /// <summary>One grid cell: a count.</summary>
    Count,

    /// <summary>text: a string.</summary>
    Text,
}

/// <summary>A value code and its label in Dutch and English.</summary>
public sealed record ValueLabel(int Code, string Nl, string En);

/// <summary>
/// One column of the wide file: a question, or one option of a multi-choice question, or one cell of a grid.
/// <see cref="Keys"/> are what the name is made from (question key, then option, or row and column).
/// </summary>
public sealed record AnalysisVariable(
    string Name, Theme Theme, Question Question, VariableMeasure Measure, string? Option = null, string? Row = null, string? Column = null)
{
    public IReadOnlyList<string> Keys => [Question.Key, .. new[] { Option, Row, Column }.OfType<string>()];

    public bool IsNumeric => Measure != VariableMeasure.Text;

    /// <summary>The value labels of coded variables (yes/no, choices, maturity levels, flags); empty otherwise.</summary>
    public IReadOnlyList<ValueLabel> Values { get; init; } = [];

    public string Label(string language)
    {
        var text = Question.LocalizedText.For(language).Text;
        if (Option is not null)
        {
            return $"{text}: {OptionText(Question.Options, Option, language)}";
        }
        if (Row is not null)
        {
            return $"{text}: {OptionText(Question.Rows, Row, language)} / {OptionText(Question.Columns, Column!, language)}";
        }
        return text;
    }

    private static string OptionText(IReadOnlyList<Option> options, string key, string language) =>
        options.FirstOrDefault(o => o.Key == key)?.LocalizedLabel.For(language).Text ?? key;
}

/// <summary>The missing-value codes: distinct, negative (no answer is negative), and declared in every file.</summary>
public static class MissingCodes
{
    /// <summary>The respondent answered "not applicable".</summary>
    public const int NotApplicable = -8;

    /// <summary>The question was hidden by an earlier answer (its visibility condition did not hold).</summary>
    public const int NotShown = -9;

    public static IReadOnlyList<ValueLabel> All { get; } =
    [
        new(NotApplicable, "niet van toepassing", "not applicable"),
        new(NotShown, "niet getoond (verborgen door een eerder antwoord)", "not shown (hidden by an earlier answer)"),
    ];

    public static string Text(int code) => code.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The variables of a questionnaire in definition order, named by <see cref="VariableNames"/>.</summary>
public static class AnalysisVariables
{
    public const string YesKey = "yes";
    public const string NoKey = "no";

    public static IReadOnlyList<AnalysisVariable> Of(Questionnaire questionnaire)
    {
        var variables = new List<AnalysisVariable>();
        foreach (var theme in questionnaire.Themes)
        {
            foreach (var question in theme.Questions)
            {
                variables.AddRange(For(theme, question));
            }
        }
        // The rule makes names unique for any keys the loader accepts; should two still meet, the later one is renamed
        // rather than the export failing (a test keeps the shipped questionnaires clear of this).
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in VariableNames.FixedColumns)
        {
            seen[name] = 1;
        }
        for (var i = 0; i < variables.Count; i++)
        {
            var name = variables[i].Name;
            if (seen.TryGetValue(name, out var count))
            {
                seen[name] = count + 1;
                variables[i] = variables[i] with { Name = VariableNames.Disambiguate(name, variables[i].Keys, count) };
            }
            seen[variables[i].Name] = 1;
        }
        return variables;
    }

    private static IEnumerable<AnalysisVariable> For(Theme theme, Question question)
    {
        var name = VariableNames.ForQuestion(question.Key);
        switch (question.Type)
        {
            case QuestionType.YesNo:
                yield return new(name, theme, question, VariableMeasure.Category) { Values = [new(1, "Ja", "Yes"), new(0, "Nee", "No")] };
                break;
            case QuestionType.SingleChoice:
                yield return new(name, theme, question, VariableMeasure.Category)
                {
                    Values = [.. question.Options.Select((o, i) => new ValueLabel(i + 1, o.LocalizedLabel.For("nl").Text, o.LocalizedLabel.For("en").Text))],
                };
                break;
            case QuestionType.Maturity:
                yield return new(name, theme, question, VariableMeasure.Level) { Values = [.. Levels(question)] };
                break;
            case QuestionType.Number:
                yield return new(name, theme, question, VariableMeasure.Number);
                break;
            case QuestionType.MultiChoice:
                foreach (var option in question.Options)
                {
                    yield return new(VariableNames.ForOption(question.Key, option.Key), theme, question, VariableMeasure.Flag, Option: option.Key)
                    {
                        Values = [new(1, "gekozen", "chosen"), new(0, "niet gekozen", "not chosen")],
                    };
                }
                break;
            case QuestionType.Grid:
                foreach (var row in question.Rows)
                {
                    foreach (var column in question.Columns)
                    {
                        yield return new(VariableNames.ForCell(question.Key, row.Key, column.Key), theme, question, VariableMeasure.Count,
                            Row: row.Key, Column: column.Key);
                    }
                }
                break;
            default:
                yield return new(name, theme, question, VariableMeasure.Text);
                break;
        }
    }

    private static IEnumerable<ValueLabel> Levels(Question question)
    {
        for (var level = Question.MaturityMin; level <= Question.MaturityMax; level++)
        {
            var code = level.ToString(CultureInfo.InvariantCulture);
            var text = question.LocalizedLevels?.GetValueOrDefault(level);
            // The loader gives an unlabelled level its number as its label; "3 3" would say nothing more.
            yield return text is null || text.Text == code
                ? new(level, code, code)
                : new(level, $"{code} {text.For("nl").Text}", $"{code} {text.For("en").Text}");
        }
    }
}
