using System.Globalization;
using System.Text.RegularExpressions;

namespace Audit.Core.Questionnaires;

/// <summary>The outcome of loading a definition: the questionnaire when it is valid, else every error found.</summary>
public sealed record QuestionnaireLoadResult(Questionnaire? Value, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Value is not null;
}

/// <summary>
/// Reads a questionnaire definition from YAML (how the bureau writes it) or JSON (the same structure, how
/// it is stored and served) and validates it completely. Both formats go through one validator, so a
/// definition means the same thing, and hashes the same, whichever way it arrived.
/// </summary>
public static partial class QuestionnaireLoader
{
    public const string DefaultLanguage = "nl";

    private static readonly HashSet<string> RootFields = ["key", "version", "title", "description", "language", "themes"];
    private static readonly HashSet<string> ThemeFields = ["key", "title", "description", "norm", "minutes", "questions"];

    /// <summary>The most a theme may claim to take; more is a typo (seconds for minutes), not an estimate.</summary>
    public const int ThemeMinutesMax = 240;

    public static QuestionnaireLoadResult LoadYaml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new DefinitionReader();
        return DefinitionLines.Annotate(Load(DefinitionTree.FromYaml(text, reader.Errors), reader), () => DefinitionLines.OfYaml(text));
    }

    public static QuestionnaireLoadResult LoadJson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new DefinitionReader();
        return DefinitionLines.Annotate(Load(DefinitionTree.FromJson(text, reader.Errors), reader), () => DefinitionLines.OfJson(text));
    }

    private static QuestionnaireLoadResult Load(DefNode? root, DefinitionReader reader)
    {
        if (root is null)
        {
            return new QuestionnaireLoadResult(null, reader.Errors);
        }
        var fields = reader.Map(root, "", RootFields);
        if (fields is null)
        {
            return new QuestionnaireLoadResult(null, reader.Errors);
        }

        var key = fields.RequiredKey("key");
        var version = fields.RequiredKey("version");
        var language = fields.OptionalText("language") ?? DefaultLanguage;
        if (!LanguagePattern().IsMatch(language))
        {
            reader.Error(fields.PathOf("language"), $"'{language}' is not a language code such as \"nl\" or \"en\".");
        }
        // Read before the texts: a translatable text must include the questionnaire's own language.
        reader.Language = language;
        var title = fields.RequiredLocalized("title");
        var description = fields.OptionalLocalized("description");

        var themes = new List<ThemeDraft>();
        var themeItems = fields.RequiredList("themes", "A questionnaire needs at least one theme.");
        for (var i = 0; themeItems is not null && i < themeItems.Count; i++)
        {
            if (ReadTheme(reader, themeItems[i], DefPath.Index(fields.PathOf("themes"), i)) is { } theme)
            {
                themes.Add(theme);
            }
        }

        var drafts = themes.SelectMany(t => t.Drafts).ToList();
        CheckUniqueKeys(reader, themes.Select(t => (t.Theme.Key, DefPath.Field(t.Path, "key"))), "theme");
        CheckUniqueKeys(reader, drafts.Where(d => d.Key is not null).Select(d => (d.Key!, DefPath.Field(d.Path, "key"))), "question");
        var resolved = VisibleWhenRules.Resolve(reader, drafts);

        if (reader.Errors.Count > 0)
        {
            return new QuestionnaireLoadResult(null, reader.Errors);
        }
        var finalThemes = themes
            .Select(t => t.Theme with { Questions = t.Drafts.Select(d => resolved[d]).ToList() })
            .ToList();
        return new QuestionnaireLoadResult(new Questionnaire(key!, version!, title!.Text, language, finalThemes, description?.Text)
        {
            LocalizedTitle = title,
            LocalizedDescription = description,
        }, []);
    }

    private sealed record ThemeDraft(string Path, Theme Theme, List<QuestionDraft> Drafts);

    private static ThemeDraft? ReadTheme(DefinitionReader reader, DefNode node, string path)
    {
        var fields = reader.Map(node, path, ThemeFields);
        if (fields is null)
        {
            return null;
        }
        var key = fields.RequiredKey("key");
        var title = fields.RequiredLocalized("title");
        var description = fields.OptionalLocalized("description");
        var norm = fields.OptionalNumber("norm");
        if (norm is < Question.MaturityMin or > Question.MaturityMax)
        {
            reader.Error(fields.PathOf("norm"), "A theme norm is a score from 0 to 5.");
        }
        var minutes = fields.OptionalInteger("minutes");
        if (minutes is < 1 or > ThemeMinutesMax)
        {
            reader.Error(fields.PathOf("minutes"), $"minutes is the estimated time to fill in the theme: a whole number from 1 to {ThemeMinutesMax}.");
            minutes = null;
        }
        var drafts = new List<QuestionDraft>();
        var items = fields.RequiredList("questions", "A theme needs at least one question.");
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            drafts.Add(QuestionReader.Read(reader, items[i], DefPath.Index(fields.PathOf("questions"), i)));
        }
        // A theme without a readable key still carries its questions, so their errors are all reported;
        // the empty key never reaches a result because the key error makes the load fail.
        return new ThemeDraft(path, new Theme(key ?? "", title?.Text ?? "", description?.Text, [], norm)
        {
            Minutes = minutes,
            LocalizedTitle = title ?? new LocalizedText("", reader.Language),
            LocalizedDescription = description,
        }, drafts);
    }

    private static void CheckUniqueKeys(DefinitionReader reader, IEnumerable<(string Key, string Path)> keys, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, path) in keys)
        {
            if (key.Length > 0 && !seen.Add(key))
            {
                reader.Error(path, $"The {what} key '{key}' is used more than once.");
            }
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}

/// <summary>Checks each visibleWhen against the question it points at, now that all questions are known.</summary>
internal static class VisibleWhenRules
{
    public static Dictionary<QuestionDraft, Question> Resolve(DefinitionReader reader, List<QuestionDraft> drafts)
    {
        var result = new Dictionary<QuestionDraft, Question>(ReferenceEqualityComparer.Instance);
        for (var index = 0; index < drafts.Count; index++)
        {
            var draft = drafts[index];
            if (draft.Question is not { } question)
            {
                continue;
            }
            if (draft.VisibleWhen is { Question: { } targetKey } condition)
            {
                var targetIndex = drafts.FindIndex(d => d.Key == targetKey);
                var questionPath = DefPath.Field(condition.Path, "question");
                if (targetIndex < 0)
                {
                    reader.Error(questionPath, $"visibleWhen refers to '{targetKey}', which is not a question of this questionnaire.");
                }
                else if (targetIndex >= index)
                {
                    reader.Error(questionPath, $"visibleWhen must refer to an earlier question; '{targetKey}' is {(targetIndex == index ? "this question itself" : "asked later")}.");
                }
                else if (drafts[targetIndex].Question is { } target && condition.EqualsValue is { } equalsNode
                         && EqualsValue(reader, target, equalsNode, DefPath.Field(condition.Path, "equals"), questionPath) is { } value)
                {
                    question = question with { VisibleWhen = new VisibilityCondition(targetKey, value) };
                }
            }
            result[draft] = question;
        }
        return result;
    }

    /// <summary>The condition's value in the form <see cref="Visibility.ScalarText"/> gives a stored answer.</summary>
    private static string? EqualsValue(DefinitionReader reader, Question target, DefNode node, string path, string questionPath)
    {
        var text = reader.Text(node, path);
        if (text is null)
        {
            return null;
        }
        if (target.AllowNotApplicable && text == Question.NotApplicable)
        {
            return text;
        }
        switch (target.Type)
        {
            case QuestionType.YesNo when text is "yes" or "no":
                return text;
            case QuestionType.YesNo:
                reader.Error(path, $"'{text}' is not an answer to yes_no question '{target.Key}'; use \"yes\" or \"no\".");
                return null;
            case QuestionType.Maturity when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                                            && level is >= Question.MaturityMin and <= Question.MaturityMax:
                return level.ToString(CultureInfo.InvariantCulture);
            case QuestionType.Maturity:
                reader.Error(path, $"'{text}' is not a maturity level (0 to 5) of '{target.Key}'.");
                return null;
            case QuestionType.SingleChoice when target.Options.Any(o => o.Key == text):
                return text;
            case QuestionType.SingleChoice:
                reader.Error(path, $"'{text}' is not an option of '{target.Key}'.");
                return null;
            default:
                // Equality on a number, list, table or free text is not a meaningful condition.
                reader.Error(questionPath, $"visibleWhen can depend only on a yes_no, maturity or single_choice question; '{target.Key}' is {target.Type.ToWireName()}.");
                return null;
        }
    }
}
