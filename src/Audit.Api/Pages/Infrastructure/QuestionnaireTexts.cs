using Audit.Core.Questionnaires;

namespace Audit.Api.Pages.Infrastructure;

/// <summary>
/// A questionnaire text as a page shows it: in the page's language where the questionnaire has it, else in the
/// questionnaire's own language with <see cref="Lang"/> set, which the template writes as the element's <c>lang</c>
/// attribute (partial <c>pages/shared/_lang</c>) so screen readers pronounce the Dutch as Dutch.
/// </summary>
public readonly record struct ShownText(string Text, string? Lang);

public static class QuestionnaireTexts
{
    /// <summary>The text for a page in <paramref name="pageLanguage"/> ("nl", "en"); Lang is null when it is in that language.</summary>
    public static ShownText Show(LocalizedText text, string pageLanguage)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shown = text.For(pageLanguage);
        return new ShownText(shown.Text, shown.Language == pageLanguage ? null : shown.Language);
    }

    public static ShownText? ShowOptional(LocalizedText? text, string pageLanguage) => text is null ? null : Show(text, pageLanguage);
}
