namespace Audit.Core.Questionnaires;

/// <summary>
/// A questionnaire as read in one language, for code that reads the plain text properties (reports): every text in
/// that language where the questionnaire has it, else in its own language. The copy's <see cref="Questionnaire.Language"/>
/// is the language asked for, and each <c>Localized*</c> of the copy holds the one text shown with the language it is
/// really in, so a fallback can be marked (<c>lang="nl"</c>) by comparing the two.
/// </summary>
public static class QuestionnaireTranslation
{
    public static Questionnaire In(this Questionnaire questionnaire, string language)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(language);
        if (language == questionnaire.Language)
        {
            return questionnaire;
        }
        var title = Shown(questionnaire.LocalizedTitle, language);
        var description = ShownOptional(questionnaire.LocalizedDescription, language);
        return questionnaire with
        {
            Title = title.Text,
            Description = description?.Text,
            Language = language,
            LocalizedTitle = title,
            LocalizedDescription = description,
            Themes = [.. questionnaire.Themes.Select(theme => In(theme, language))],
        };
    }

    private static Theme In(Theme theme, string language)
    {
        var title = Shown(theme.LocalizedTitle, language);
        var description = ShownOptional(theme.LocalizedDescription, language);
        return theme with
        {
            Title = title.Text,
            Description = description?.Text,
            LocalizedTitle = title,
            LocalizedDescription = description,
            Questions = [.. theme.Questions.Select(question => In(question, language))],
        };
    }

    private static Question In(Question question, string language)
    {
        var text = Shown(question.LocalizedText, language);
        var help = ShownOptional(question.LocalizedHelp, language);
        var unit = ShownOptional(question.LocalizedUnit, language);
        var levels = question.LocalizedLevels?.ToDictionary(l => l.Key, l => Shown(l.Value, language));
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
            Options = In(question.Options, language),
            Rows = In(question.Rows, language),
            Columns = In(question.Columns, language),
        };
    }

    private static List<Option> In(IReadOnlyList<Option> options, string language) =>
        [.. options.Select(option =>
        {
            var label = Shown(option.LocalizedLabel, language);
            return option with { Label = label.Text, LocalizedLabel = label };
        })];

    /// <summary>The text shown in <paramref name="language"/>, as a text in the language it is really in.</summary>
    private static LocalizedText Shown(LocalizedText text, string language)
    {
        var shown = text.For(language);
        return new LocalizedText(shown.Text, shown.Language);
    }

    private static LocalizedText? ShownOptional(LocalizedText? text, string language) => text is null ? null : Shown(text, language);
}
