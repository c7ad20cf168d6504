using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Audit.Core.Questionnaires;

/// <summary>
/// The canonical JSON of a questionnaire: the form that is stored, served and hashed. Written by hand in a
/// fixed property order, without indentation and with normalised numbers, so that equal definitions give
/// equal bytes whether they were written in YAML or JSON, in any field order or number notation.
/// <see cref="QuestionnaireLoader.LoadJson"/> reads it back to an equal questionnaire.
/// </summary>
public static class QuestionnaireJson
{
    // Dutch text stays readable; characters that matter in HTML are still escaped.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    public static string Serialize(Questionnaire questionnaire) => Serialize(questionnaire, translations: true);

    /// <summary>
    /// True when two definitions ask the same in their own language and differ at most in translations: the one change a
    /// stored version may take, so that English can be added to (or corrected in) a version rounds already use.
    /// </summary>
    public static bool SameQuestions(Questionnaire stored, Questionnaire candidate)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(candidate);
        return Serialize(stored, translations: false) == Serialize(candidate, translations: false);
    }

    private static string Serialize(Questionnaire questionnaire, bool translations)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("key", questionnaire.Key);
            writer.WriteString("version", questionnaire.Version);
            WriteText(writer, translations, "title", questionnaire.Title, questionnaire.LocalizedTitle);
            writer.WriteString("language", questionnaire.Language);
            WriteOptionalText(writer, translations, "description", questionnaire.Description, questionnaire.LocalizedDescription);
            writer.WriteStartArray("themes");
            foreach (var theme in questionnaire.Themes)
            {
                WriteTheme(writer, translations, theme);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 canonical JSON.</summary>
    public static string ContentHash(string canonicalJson)
    {
        ArgumentNullException.ThrowIfNull(canonicalJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
    }

    public static string ContentHash(Questionnaire questionnaire) => ContentHash(Serialize(questionnaire));

    /// <summary>The row to store for a loaded questionnaire: its canonical JSON and that JSON's hash.</summary>
    public static StoredQuestionnaire ToStored(Questionnaire questionnaire, DateTimeOffset createdAt)
    {
        var json = Serialize(questionnaire);
        return new StoredQuestionnaire(questionnaire.Key, questionnaire.Version, questionnaire.Title, questionnaire.Language,
            json, ContentHash(json), createdAt);
    }

    private static void WriteTheme(Utf8JsonWriter writer, bool translations, Theme theme)
    {
        writer.WriteStartObject();
        writer.WriteString("key", theme.Key);
        WriteText(writer, translations, "title", theme.Title, theme.LocalizedTitle);
        WriteOptionalText(writer, translations, "description", theme.Description, theme.LocalizedDescription);
        WriteOptional(writer, "norm", theme.Norm);
        WriteOptional(writer, "minutes", theme.Minutes);
        writer.WriteStartArray("questions");
        foreach (var question in theme.Questions)
        {
            WriteQuestion(writer, translations, question);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteQuestion(Utf8JsonWriter writer, bool translations, Question question)
    {
        writer.WriteStartObject();
        writer.WriteString("key", question.Key);
        writer.WriteString("type", question.Type.ToWireName());
        WriteText(writer, translations, "text", question.Text, question.LocalizedText);
        WriteOptionalText(writer, translations, "help", question.Help, question.LocalizedHelp);
        // Written only when present, so definitions without references keep their bytes and hash.
        WriteOptional(writer, "reference", question.Reference);
        writer.WriteBoolean("required", question.Required);
        if (question.VisibleWhen is { } condition)
        {
            writer.WriteStartObject("visibleWhen");
            writer.WriteString("question", condition.Question);
            writer.WriteString("equals", condition.EqualsValue);
            writer.WriteEndObject();
        }
        switch (question.Type)
        {
            case QuestionType.YesNo:
                writer.WriteBoolean("allowNotApplicable", question.AllowNotApplicable);
                if (question.Norm?.Values is [var value, ..])
                {
                    writer.WriteString("norm", value);
                }
                break;
            case QuestionType.Maturity:
                if (question.Levels is { } levels)
                {
                    writer.WriteStartObject("levels");
                    var localizedLevels = question.LocalizedLevels;
                    foreach (var (level, label) in levels.OrderBy(l => l.Key))
                    {
                        WriteText(writer, translations, level.ToString(CultureInfo.InvariantCulture), label, localizedLevels?.GetValueOrDefault(level));
                    }
                    writer.WriteEndObject();
                }
                writer.WriteBoolean("allowNotApplicable", question.AllowNotApplicable);
                WriteOptional(writer, "norm", question.Norm?.AtLeast);
                break;
            case QuestionType.Number:
                WriteOptional(writer, "min", question.Min);
                WriteOptional(writer, "max", question.Max);
                writer.WriteBoolean("integer", question.Integer);
                WriteOptionalText(writer, translations, "unit", question.Unit, question.LocalizedUnit);
                if (question.Norm?.AtLeast is { } atLeast)
                {
                    writer.WriteStartObject("norm");
                    writer.WriteNumber("atLeast", Canonical.Number(atLeast));
                    writer.WriteEndObject();
                }
                break;
            case QuestionType.SingleChoice:
            case QuestionType.MultiChoice:
                WriteOptions(writer, translations, "options", question.Options);
                if (question.Type == QuestionType.MultiChoice)
                {
                    WriteOptional(writer, "minSelected", question.MinSelected);
                    WriteOptional(writer, "maxSelected", question.MaxSelected);
                }
                if (question.Norm?.Values is { } keys)
                {
                    writer.WriteStartArray("norm");
                    foreach (var key in keys)
                    {
                        writer.WriteStringValue(key);
                    }
                    writer.WriteEndArray();
                }
                break;
            case QuestionType.Grid:
                WriteOptions(writer, translations, "rows", question.Rows);
                WriteOptions(writer, translations, "columns", question.Columns);
                break;
            case QuestionType.Text:
                writer.WriteNumber("maxLength", question.EffectiveMaxLength);
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteOptions(Utf8JsonWriter writer, bool translations, string name, IReadOnlyList<Option> options)
    {
        writer.WriteStartArray(name);
        foreach (var option in options)
        {
            writer.WriteStartObject();
            writer.WriteString("key", option.Key);
            WriteText(writer, translations, "label", option.Label, option.LocalizedLabel);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// A plain string when there are no translations, so definitions without them keep their old bytes and hash; else
    /// <c>{ own language: …, then the translations by language code }</c>. The own-language text is always the model's
    /// plain property, so a text changed with <c>with</c> cannot be shadowed by a stale translation record.
    /// </summary>
    private static void WriteText(Utf8JsonWriter writer, bool translations, string name, string text, LocalizedText? localized)
    {
        if (!translations || localized is not { HasTranslations: true })
        {
            writer.WriteString(name, text);
            return;
        }
        writer.WriteStartObject(name);
        writer.WriteString(localized.Language, text);
        foreach (var (language, translated) in localized.Translations)
        {
            writer.WriteString(language, translated);
        }
        writer.WriteEndObject();
    }

    private static void WriteOptionalText(Utf8JsonWriter writer, bool translations, string name, string? text, LocalizedText? localized)
    {
        if (text is not null)
        {
            WriteText(writer, translations, name, text, localized);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, Canonical.Number(number));
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}

internal static class Canonical
{
    /// <summary>Drops trailing zeros (3.50 → 3.5, 3.0 → 3), so "3" and "3.0" are one value with one spelling.</summary>
    public static decimal Number(decimal value) => value / 1.0000000000000000000000000000m;
}
