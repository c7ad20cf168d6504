namespace Audit.Core.Questionnaires;

/// <summary>
/// One walk over every text of a questionnaire (titles, descriptions, question texts, hints, units, level labels and
/// option labels), rewriting each localized text and the plain text beside it. Reading a questionnaire in one language
/// (<see cref="QuestionnaireTranslation"/>) and filling in the reference date (<see cref="ReferenceDateText"/>) are both
/// such a rewrite; keys, types and rules are untouched, so answers validate the same.
/// </summary>
public static class QuestionnaireTextWalk
{
    public static Questionnaire MapTexts(this Questionnaire questionnaire, Func<LocalizedText, LocalizedText> map)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(map);
        var title = map(questionnaire.LocalizedTitle);
        var description = Optional(questionnaire.LocalizedDescription, map);
        return questionnaire with
        {
            Title = title.Text,
            LocalizedTitle = title,
            Description = description?.Text,
            LocalizedDescription = description,
            Themes = [.. questionnaire.Themes.Select(theme => Map(theme, map))],
        };
    }

    /// <summary>Every text of <paramref name="questionnaire"/>, null where an optional one is absent.</summary>
    public static IEnumerable<LocalizedText?> All(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        yield return questionnaire.LocalizedTitle;
        yield return questionnaire.LocalizedDescription;
        foreach (var theme in questionnaire.Themes)
        {
            yield return theme.LocalizedTitle;
            yield return theme.LocalizedDescription;
            foreach (var question in theme.Questions)
            {
                yield return question.LocalizedText;
                yield return question.LocalizedHelp;
                yield return question.LocalizedUnit;
                foreach (var level in question.LocalizedLevels?.Values ?? [])
                {
                    yield return level;
                }
                foreach (var option in question.Options.Concat(question.Rows).Concat(question.Columns))
                {
                    yield return option.LocalizedLabel;
                }
            }
        }
    }

    private static Theme Map(Theme theme, Func<LocalizedText, LocalizedText> map)
    {
        var title = map(theme.LocalizedTitle);
        var description = Optional(theme.LocalizedDescription, map);
        return theme with
        {
            Title = title.Text,
            LocalizedTitle = title,
            Description = description?.Text,
            LocalizedDescription = description,
            Questions = [.. theme.Questions.Select(question => Map(question, map))],
        };
    }

    private static Question Map(Question question, Func<LocalizedText, LocalizedText> map)
    {
        var text = map(question.LocalizedText);
        var help = Optional(question.LocalizedHelp, map);
        var unit = Optional(question.LocalizedUnit, map);
        var levels = question.LocalizedLevels?.ToDictionary(l => l.Key, l => map(l.Value));
        return question with
        {
            Text = text.Text,
            LocalizedText = text,
            Help = help?.Text,
            LocalizedHelp = help,
            Unit = unit?.Text,
            LocalizedUnit = unit,
            Levels = levels?.ToDictionary(l => l.Key, l => l.Value.Text),
            LocalizedLevels = levels,
            Options = Map(question.Options, map),
            Rows = Map(question.Rows, map),
            Columns = Map(question.Columns, map),
        };
    }

    private static List<Option> Map(IReadOnlyList<Option> options, Func<LocalizedText, LocalizedText> map) =>
        [.. options.Select(option =>
        {
            var label = map(option.LocalizedLabel);
            return option with { Label = label.Text, LocalizedLabel = label };
        })];

    private static LocalizedText? Optional(LocalizedText? text, Func<LocalizedText, LocalizedText> map) => text is null ? null : map(text);
}
