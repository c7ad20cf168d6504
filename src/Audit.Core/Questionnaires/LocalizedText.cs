namespace Audit.Core.Questionnaires;

/// <summary>
/// A text of a questionnaire in one language, as a page or report shows it. <see cref="IsFallback"/> says the asked
/// language had no text, so this is the questionnaire's own language (<see cref="Language"/>) and the element showing it
/// must say so (<c>lang="nl"</c>) for screen readers and translation tools.
/// </summary>
public sealed record LocalizedString(string Text, string Language, bool IsFallback)
{
    public override string ToString() => Text;
}

/// <summary>
/// A questionnaire text in its own language (<see cref="Language"/>, normally Dutch) with optional translations.
/// Written either as a plain string (no translations) or as a mapping <c>{ nl: …, en: … }</c>; the canonical JSON keeps
/// the plain string where there are no translations, so definitions written before translations existed hash the same.
/// </summary>
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    public LocalizedText(string text, string language = QuestionnaireLoader.DefaultLanguage, IReadOnlyDictionary<string, string>? translations = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        Text = text;
        Language = language;
        // Sorted so that equal texts serialise (and hash) equally whatever order they were written in.
        Translations = translations is null
            ? Empty
            : new SortedDictionary<string, string>(
                translations.Where(t => t.Key != language).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The text in the questionnaire's own language; always present.</summary>
    public string Text { get; }

    /// <summary>The questionnaire's own language, e.g. "nl".</summary>
    public string Language { get; }

    /// <summary>The other languages, ordered by language code; never contains <see cref="Language"/>.</summary>
    public IReadOnlyDictionary<string, string> Translations { get; }

    public bool HasTranslations => Translations.Count > 0;

    /// <summary>The text in <paramref name="language"/>, else in the own language marked as a fallback.</summary>
    public LocalizedString For(string language)
    {
        if (string.Equals(language, Language, StringComparison.Ordinal))
        {
            return new LocalizedString(Text, Language, IsFallback: false);
        }
        return Translations.TryGetValue(language, out var translated)
            ? new LocalizedString(translated, language, IsFallback: false)
            : new LocalizedString(Text, Language, IsFallback: true);
    }

    /// <summary>The text in <paramref name="language"/> if it is written in that language (own or translated), else null.</summary>
    public string? In(string language) =>
        string.Equals(language, Language, StringComparison.Ordinal) ? Text : Translations.GetValueOrDefault(language);

    public static LocalizedText? Optional(string? text, LocalizedText? localized) =>
        localized ?? (text is null ? null : new LocalizedText(text));

    public bool Equals(LocalizedText? other) =>
        other is not null && Text == other.Text && Language == other.Language
        && Translations.Count == other.Translations.Count
        && Translations.All(t => other.Translations.TryGetValue(t.Key, out var value) && value == t.Value);

    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    public override int GetHashCode() => HashCode.Combine(Text, Language, Translations.Count);

    public override string ToString() => Text;
}
