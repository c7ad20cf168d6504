namespace Audit.Core.Questionnaires;

/// <summary>The seven question types. The wire names (snake_case) are fixed by the definition format.</summary>
public enum QuestionType
{
    YesNo,
    Maturity,
    Number,
    SingleChoice,
    MultiChoice,
    Grid,
    Text,
}

public static class QuestionTypes
{
    private static readonly Dictionary<string, QuestionType> ByWireName = new(StringComparer.Ordinal)
    {
        ["yes_no"] = QuestionType.YesNo,
        ["maturity"] = QuestionType.Maturity,
        ["number"] = QuestionType.Number,
        ["single_choice"] = QuestionType.SingleChoice,
        ["multi_choice"] = QuestionType.MultiChoice,
        ["grid"] = QuestionType.Grid,
        ["text"] = QuestionType.Text,
    };

    public static IReadOnlyCollection<string> WireNames => ByWireName.Keys;

    public static bool TryParse(string? wireName, out QuestionType type) =>
        ByWireName.TryGetValue(wireName ?? "", out type);

    public static string ToWireName(this QuestionType type) => type switch
    {
        QuestionType.YesNo => "yes_no",
        QuestionType.Maturity => "maturity",
        QuestionType.Number => "number",
        QuestionType.SingleChoice => "single_choice",
        QuestionType.MultiChoice => "multi_choice",
        QuestionType.Grid => "grid",
        QuestionType.Text => "text",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
