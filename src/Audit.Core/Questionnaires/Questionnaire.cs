namespace Audit.Core.Questionnaires;

/// <summary>
/// A versioned questionnaire definition: themes of questions. Immutable once a round uses it;
/// question keys are stable across versions so that trends can compare like with like.
/// </summary>
public sealed record Questionnaire(
    string Key,
    string Version,
    string Title,
    string Language,
    IReadOnlyList<Theme> Themes,
    string? Description = null)
{
    public IEnumerable<Question> AllQuestions => Themes.SelectMany(t => t.Questions);

    public Question? FindQuestion(string questionKey) =>
        AllQuestions.FirstOrDefault(q => q.Key == questionKey);

    public Theme? FindThemeOf(string questionKey) =>
        Themes.FirstOrDefault(t => t.Questions.Any(q => q.Key == questionKey));
}

public sealed record Theme(
    string Key,
    string Title,
    string? Description,
    IReadOnlyList<Question> Questions,
    decimal? Norm = null)
{
    /// <summary>The norm for the theme score: the declared one, else the highest maturity norm in the theme.</summary>
    public decimal? EffectiveNorm =>
        Norm ?? Questions.Where(q => q.Type == QuestionType.Maturity && q.Norm?.AtLeast is not null)
                         .Select(q => q.Norm!.AtLeast)
                         .Max();
}

/// <summary>An option of a choice question, or a row or column of a grid.</summary>
public sealed record Option(string Key, string Label);

/// <summary>
/// What meets the norm. Exactly one form applies, depending on the type:
/// <see cref="AtLeast"/> for maturity and number (answer &gt;= value),
/// <see cref="Values"/> for yes_no and single_choice (answer is one of these keys).
/// </summary>
public sealed record QuestionNorm(decimal? AtLeast = null, IReadOnlyList<string>? Values = null)
{
    public static QuestionNorm Minimum(decimal value) => new(AtLeast: value);
    public static QuestionNorm OneOf(params string[] values) => new(Values: values);
}

/// <summary>Show a question only when an earlier question's answer equals a value (a JSON scalar, compared as its string form).</summary>
public sealed record VisibilityCondition(string Question, string EqualsValue);

public sealed record Question
{
    public const int DefaultTextMaxLength = 4000;

    public required string Key { get; init; }
    public required QuestionType Type { get; init; }
    public required string Text { get; init; }
    public string? Help { get; init; }
    public bool Required { get; init; }
    public bool AllowNotApplicable { get; init; }
    public QuestionNorm? Norm { get; init; }
    public VisibilityCondition? VisibleWhen { get; init; }

    /// <summary>maturity: optional labels per level 0..5.</summary>
    public IReadOnlyDictionary<int, string>? Levels { get; init; }

    /// <summary>number: bounds and integrality; unit is display only.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public bool Integer { get; init; }
    public string? Unit { get; init; }

    /// <summary>single_choice / multi_choice.</summary>
    public IReadOnlyList<Option> Options { get; init; } = [];
    public int? MinSelected { get; init; }
    public int? MaxSelected { get; init; }

    /// <summary>grid: a table of non-negative integers.</summary>
    public IReadOnlyList<Option> Rows { get; init; } = [];
    public IReadOnlyList<Option> Columns { get; init; } = [];

    /// <summary>text.</summary>
    public int? MaxLength { get; init; }

    public int EffectiveMaxLength => MaxLength ?? DefaultTextMaxLength;

    public const int MaturityMin = 0;
    public const int MaturityMax = 5;

    /// <summary>Answer keys that literally mean "not applicable" for the types that allow it.</summary>
    public const string NotApplicable = "not_applicable";
}
