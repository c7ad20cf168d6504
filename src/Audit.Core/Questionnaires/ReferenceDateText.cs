using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Audit.Core.Questionnaires;

/// <summary>
/// Fills the <c>{peildatum}</c> placeholder of question texts with a round's reference date, written out in each text's
/// language ("1 oktober 2023", "1 October 2023"), or with a neutral phrase ("de peildatum", "the reference date") when the
/// round has none. The stored definition keeps the placeholder: one version serves rounds with different dates.
/// </summary>
public static class ReferenceDateText
{
    public const string Placeholder = "{peildatum}";

    /// <summary>
    /// One rendered copy per stored questionnaire and date. Pages find a theme or question of "the" questionnaire by
    /// identity (the records hold lists, so value equality falls back to references), so every scope of a round must get
    /// the same instance, as it did straight from the catalog; it also renders each version once per date per process.
    /// </summary>
    private static readonly ConditionalWeakTable<Questionnaire, ConcurrentDictionary<int, Questionnaire>> Rendered = new();

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The words that replace the placeholder in <paramref name="language"/>; languages other than Dutch read English.</summary>
    public static string Phrase(DateOnly? referenceDate, string language)
    {
        var dutch = language.StartsWith("nl", StringComparison.Ordinal);
        if (referenceDate is not { } date)
        {
            return dutch ? "de peildatum" : "the reference date";
        }
        return date.ToString("d MMMM yyyy", dutch ? Dutch : English);
    }

    public static string Render(string text, string language, DateOnly? referenceDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Placeholder, StringComparison.Ordinal)
            ? text.Replace(Placeholder, Phrase(referenceDate, language), StringComparison.Ordinal)
            : text;
    }

    /// <summary>Every language of <paramref name="text"/> rendered in its own language.</summary>
    public static LocalizedText Render(LocalizedText text, DateOnly? referenceDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new LocalizedText(Render(text.Text, text.Language, referenceDate), text.Language,
            text.Translations.ToDictionary(t => t.Key, t => Render(t.Value, t.Key, referenceDate), StringComparer.Ordinal));
    }

    /// <summary>
    /// The questionnaire with every placeholder filled (every text of <see cref="QuestionnaireTextWalk"/>);
    /// the same instance when it has none. Keys, types and rules are untouched, so answers validate the same.
    /// </summary>
    public static Questionnaire WithReferenceDate(this Questionnaire questionnaire, DateOnly? referenceDate)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        return Rendered.GetOrCreateValue(questionnaire).GetOrAdd(referenceDate?.DayNumber ?? -1,
            _ => HasPlaceholder(questionnaire) ? Render(questionnaire, referenceDate) : questionnaire);
    }

    private static Questionnaire Render(Questionnaire questionnaire, DateOnly? referenceDate) =>
        questionnaire.MapTexts(text => Render(text, referenceDate));

    private static bool HasPlaceholder(Questionnaire questionnaire) =>
        QuestionnaireTextWalk.All(questionnaire).Any(t => t is not null
            && (t.Text.Contains(Placeholder, StringComparison.Ordinal) || t.Translations.Values.Any(v => v.Contains(Placeholder, StringComparison.Ordinal))));
}
