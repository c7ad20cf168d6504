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
        return questionnaire.MapTexts(text => Shown(text, language)) with { Language = language };
    }

    /// <summary>The text shown in <paramref name="language"/>, as a text in the language it is really in.</summary>
    private static LocalizedText Shown(LocalizedText text, string language)
    {
        var shown = text.For(language);
        return new LocalizedText(shown.Text, shown.Language);
    }
}
