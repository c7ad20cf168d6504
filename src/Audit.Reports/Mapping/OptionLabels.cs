namespace Audit.Reports.Mapping;

/// <summary>
/// Display labels for answer options. They are in the questionnaire's language, like the question texts they
/// sit next to: a maturity level reads "3 – Gedefinieerd", yes/no reads "Ja"/"Nee" (or "Yes"/"No").
/// </summary>
internal static class OptionLabels
{
    public const string Yes = "yes";
    public const string No = "no";

    public static IReadOnlyList<string> YesNoKeys { get; } = [Yes, No];

    public static string Of(Questionnaire questionnaire, Question question, string option)
    {
        switch (question.Type)
        {
            case QuestionType.Maturity:
                return int.TryParse(option, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                    && question.Levels?.TryGetValue(level, out var name) == true
                    ? $"{option} – {name}"
                    : option;
            case QuestionType.YesNo:
                var english = questionnaire.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
                return option switch
                {
                    Yes => english ? "Yes" : "Ja",
                    No => english ? "No" : "Nee",
                    _ => option,
                };
            default:
                return question.Options.FirstOrDefault(o => o.Key == option)?.Label ?? option;
        }
    }

    public static string Row(Question question, string key) => question.Rows.FirstOrDefault(o => o.Key == key)?.Label ?? key;

    public static string Column(Question question, string key) => question.Columns.FirstOrDefault(o => o.Key == key)?.Label ?? key;
}
