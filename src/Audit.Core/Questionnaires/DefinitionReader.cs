using System.Globalization;
using System.Text.RegularExpressions;

namespace Audit.Core.Questionnaires;

/// <summary>
/// Typed reads from the definition tree. Every read that fails records an error and returns null, so the
/// loader keeps going and reports all problems at once instead of stopping at the first.
/// </summary>
internal sealed partial class DefinitionReader
{
    public List<DefinitionError> Errors { get; } = [];

    /// <summary>The questionnaire's own language: the one a translatable text must always have.</summary>
    public string Language { get; set; } = QuestionnaireLoader.DefaultLanguage;

    public void Error(string path, string message) => Errors.Add(new DefinitionError(path, message));

    /// <summary>
    /// The fields of a mapping; a field that is not in <paramref name="allowed"/> is an error, because a
    /// misspelt optional field ("requried: true") would otherwise be silently ignored.
    /// </summary>
    public Fields? Map(DefNode? node, string path, IReadOnlySet<string> allowed, Func<string, string?>? whyNotAllowed = null)
    {
        if (node is not MapNode map)
        {
            Error(path, "Expected a mapping (an object with fields).");
            return null;
        }
        var values = new Dictionary<string, DefNode>(StringComparer.Ordinal);
        foreach (var (name, value) in map.Fields)
        {
            if (!allowed.Contains(name))
            {
                Error(DefPath.Field(path, name), whyNotAllowed?.Invoke(name) ?? $"Unknown field '{name}'.");
                continue;
            }
            // An explicit null ("help:" with nothing after it) reads as an absent optional field.
            if (value is ScalarNode { IsNull: true })
            {
                continue;
            }
            values[name] = value;
        }
        return new Fields(this, path, values);
    }

    public IReadOnlyList<DefNode>? Sequence(DefNode node, string path)
    {
        if (node is SeqNode seq)
        {
            return seq.Items;
        }
        Error(path, "Expected a list.");
        return null;
    }

    /// <summary>Any scalar as text: a YAML plain 2023 and a quoted "2023" both read as the string "2023".</summary>
    public string? Text(DefNode node, string path)
    {
        if (node is ScalarNode { Kind: ScalarKind.String or ScalarKind.Plain or ScalarKind.Number, Text: { } text })
        {
            return text;
        }
        Error(path, "Expected a text value.");
        return null;
    }

    /// <summary>
    /// A translatable text: a plain string (the own language only) or a mapping from language code to text,
    /// <c>{ nl: …, en: … }</c>, that must include the own language so no reader is left without a text.
    /// </summary>
    public LocalizedText? Localized(DefNode node, string path)
    {
        if (node is not MapNode map)
        {
            return Text(node, path) is { } plain ? new LocalizedText(plain, Language) : null;
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var (language, value) in map.Fields)
        {
            var languagePath = DefPath.Field(path, language);
            if (!LanguagePattern().IsMatch(language))
            {
                Error(languagePath, $"'{language}' is not a language code such as \"nl\" or \"en\".");
                valid = false;
                continue;
            }
            var text = value is ScalarNode { IsNull: true } ? null : Text(value, languagePath);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (text is not null || value is ScalarNode { IsNull: true })
                {
                    Error(languagePath, $"The {language} text must not be empty; leave the language out instead.");
                }
                valid = false;
                continue;
            }
            texts[language] = text;
        }
        if (!texts.TryGetValue(Language, out var own))
        {
            if (map.Fields.All(f => f.Key != Language))
            {
                Error(DefPath.Field(path, Language), $"The text in the questionnaire's language '{Language}' is required; translations come next to it.");
            }
            return null;
        }
        return valid ? new LocalizedText(own, Language, texts) : null;
    }

    public decimal? Number(DefNode node, string path)
    {
        if (node is ScalarNode { Kind: ScalarKind.Plain or ScalarKind.Number, Text: { } text })
        {
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return Canonical.Number(value);
            }
        }
        Error(path, "Expected a number.");
        return null;
    }

    public int? Integer(DefNode node, string path)
    {
        if (node is ScalarNode { Kind: ScalarKind.Plain or ScalarKind.Number, Text: { } text }
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }
        Error(path, "Expected a whole number.");
        return null;
    }

    public bool? Boolean(DefNode node, string path)
    {
        if (node is ScalarNode { Kind: ScalarKind.Plain or ScalarKind.Boolean, Text: { } text })
        {
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        Error(path, "Expected true or false.");
        return null;
    }

    /// <summary>A stable identifier: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit.</summary>
    public string? Key(DefNode node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }
        if (!KeyPattern().IsMatch(text))
        {
            Error(path, $"'{text}' is not a valid key: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit (at most 100 characters).");
            return null;
        }
        return text;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}

/// <summary>The fields of one mapping with its path, for reads like <c>fields.RequiredText("title")</c>.</summary>
internal sealed class Fields(DefinitionReader reader, string path, Dictionary<string, DefNode> values)
{
    public string Path => path;

    public string PathOf(string name) => DefPath.Field(path, name);

    public bool Has(string name) => values.ContainsKey(name);

    public DefNode? Node(string name) => values.GetValueOrDefault(name);

    private DefNode? Required(string name)
    {
        if (values.TryGetValue(name, out var node))
        {
            return node;
        }
        reader.Error(PathOf(name), $"The field '{name}' is required.");
        return null;
    }

    public string? RequiredText(string name)
    {
        var node = Required(name);
        if (node is null)
        {
            return null;
        }
        var text = reader.Text(node, PathOf(name));
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            reader.Error(PathOf(name), $"The field '{name}' must not be empty.");
            return null;
        }
        return text;
    }

    /// <summary>A required translatable text; each language's text must be non-empty.</summary>
    public LocalizedText? RequiredLocalized(string name)
    {
        var node = Required(name);
        if (node is null)
        {
            return null;
        }
        var text = reader.Localized(node, PathOf(name));
        if (text is not null && string.IsNullOrWhiteSpace(text.Text))
        {
            reader.Error(PathOf(name), $"The field '{name}' must not be empty.");
            return null;
        }
        return text;
    }

    public LocalizedText? OptionalLocalized(string name) => Node(name) is { } node ? reader.Localized(node, PathOf(name)) : null;

    public string? OptionalText(string name) => Node(name) is { } node ? reader.Text(node, PathOf(name)) : null;

    public string? RequiredKey(string name) => Required(name) is { } node ? reader.Key(node, PathOf(name)) : null;

    public decimal? OptionalNumber(string name) => Node(name) is { } node ? reader.Number(node, PathOf(name)) : null;

    public int? OptionalInteger(string name) => Node(name) is { } node ? reader.Integer(node, PathOf(name)) : null;

    public bool? OptionalBoolean(string name) => Node(name) is { } node ? reader.Boolean(node, PathOf(name)) : null;

    /// <summary>A required, non-empty list.</summary>
    public IReadOnlyList<DefNode>? RequiredList(string name, string emptyMessage)
    {
        var node = Required(name);
        if (node is null)
        {
            return null;
        }
        var items = reader.Sequence(node, PathOf(name));
        if (items is { Count: 0 })
        {
            reader.Error(PathOf(name), emptyMessage);
        }
        return items;
    }
}
