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

    private readonly LocalizedText? _localizedTitle;
    private readonly LocalizedText? _localizedDescription;

    /// <summary><see cref="Title"/> with its translations; the plain title when there are none.</summary>
    public LocalizedText LocalizedTitle { get => _localizedTitle ?? new(Title, Language); init => _localizedTitle = value; }

    public LocalizedText? LocalizedDescription
    {
        get => _localizedDescription ?? (Description is null ? null : new(Description, Language));
        init => _localizedDescription = value;
    }

    /// <summary>True when any text of the questionnaire carries a translation.</summary>
    public bool HasTranslations => LocalizedTitle.HasTranslations || Themes.Any(t => t.LocalizedTitle.HasTranslations);
}

public sealed record Theme(
    string Key,
    string Title,
    string? Description,
    IReadOnlyList<Question> Questions,
    decimal? Norm = null)
{
    /// <summary>The definition's own estimate of the minutes needed to fill in the theme; null when it gives none.</summary>
    public int? Minutes { get; init; }

    /// <summary>
    /// <see cref="Minutes"/> when the definition states it; otherwise an estimate from the question types (see
    /// <see cref="FillInTime"/>), so the start page can always say how long a theme takes.
    /// </summary>
    public int EstimatedMinutes => Minutes ?? FillInTime.Estimate(Questions);

    private readonly LocalizedText? _localizedTitle;
    private readonly LocalizedText? _localizedDescription;

    /// <summary><see cref="Title"/> with its translations; the plain title when there are none.</summary>
    public LocalizedText LocalizedTitle { get => _localizedTitle ?? new(Title); init => _localizedTitle = value; }

    public LocalizedText? LocalizedDescription
    {
        get => _localizedDescription ?? (Description is null ? null : new(Description));
        init => _localizedDescription = value;
    }

    /// <summary>The norm for the theme score: the declared one, else the highest maturity norm in the theme.</summary>
    public decimal? EffectiveNorm =>
        Norm ?? Questions.Where(q => q.Type == QuestionType.Maturity && q.Norm?.AtLeast is not null)
                         .Select(q => q.Norm!.AtLeast)
                         .Max();
}

/// <summary>An option of a choice question, or a row or column of a grid.</summary>
public sealed record Option(string Key, string Label)
{
    private readonly LocalizedText? _localizedLabel;

    /// <summary><see cref="Label"/> with its translations; the plain label when there are none.</summary>
    public LocalizedText LocalizedLabel { get => _localizedLabel ?? new(Label); init => _localizedLabel = value; }
}

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

    /// <summary>
    /// Free text naming the part of the guidelines the question tests (e.g. "Leidraad: Risicoanalyse"); shown as a
    /// note, never interpreted, and the same in every language because it cites a Dutch document.
    /// </summary>
    public string? Reference { get; init; }

    /// <summary><see cref="Text"/> with its translations; the plain text when there are none.</summary>
    public LocalizedText LocalizedText { get => _localizedText ?? new(Text); init => _localizedText = value; }

    public LocalizedText? LocalizedHelp { get => _localizedHelp ?? (Help is null ? null : new(Help)); init => _localizedHelp = value; }

    private readonly LocalizedText? _localizedText;
    private readonly LocalizedText? _localizedHelp;
    private readonly LocalizedText? _localizedUnit;
    private readonly IReadOnlyDictionary<int, LocalizedText>? _localizedLevels;
    public bool Required { get; init; }
    public bool AllowNotApplicable { get; init; }
    public QuestionNorm? Norm { get; init; }
    public VisibilityCondition? VisibleWhen { get; init; }

    /// <summary>maturity: optional labels per level 0..5.</summary>
    public IReadOnlyDictionary<int, string>? Levels { get; init; }

    /// <summary><see cref="Levels"/> with their translations.</summary>
    public IReadOnlyDictionary<int, LocalizedText>? LocalizedLevels
    {
        get => _localizedLevels ?? Levels?.ToDictionary(l => l.Key, l => new LocalizedText(l.Value));
        init => _localizedLevels = value;
    }

    /// <summary>number: bounds and integrality; unit is display only.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public bool Integer { get; init; }
    public string? Unit { get; init; }

    public LocalizedText? LocalizedUnit { get => _localizedUnit ?? (Unit is null ? null : new(Unit)); init => _localizedUnit = value; }

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
