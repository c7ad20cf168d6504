namespace Audit.Core.Questionnaires;

/// <summary>What changed about one question present in both versions.</summary>
public sealed record QuestionChange(
    string Key,
    QuestionType? OlderType,
    QuestionType? NewerType,
    string? OlderText,
    string? NewerText,
    IReadOnlyList<string> OptionsAdded,
    IReadOnlyList<string> OptionsRemoved,
    IReadOnlyList<string> OptionsRelabelled)
{
    public bool TypeChanged => OlderType is not null;

    public bool TextChanged => OlderText is not null;

    public bool OptionsChanged => OptionsAdded.Count + OptionsRemoved.Count + OptionsRelabelled.Count > 0;
}

/// <summary>Two versions side by side for the people who write questionnaires: questions added, removed and changed.</summary>
public sealed record QuestionnaireDifferencesResult(
    IReadOnlyList<Question> Added,
    IReadOnlyList<Question> Removed,
    IReadOnlyList<QuestionChange> Changed,
    int Unchanged);

/// <summary>
/// The editor's view of two versions: beyond <see cref="QuestionnaireComparison"/> (which decides what trends may compare,
/// by key and type only) it reports changed texts and options, because a reworded question or a new option changes what
/// respondents answer even where the statistics still line up. Options cover choices, grid rows and columns and maturity
/// level labels, each keyed as written ("row:x", "column:y", "level:3" for the latter kinds).
/// </summary>
public static class QuestionnaireDifferences
{
    public static QuestionnaireDifferencesResult Compare(Questionnaire older, Questionnaire newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var before = older.AllQuestions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var afterKeys = newer.AllQuestions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        var added = new List<Question>();
        var changed = new List<QuestionChange>();
        var unchanged = 0;
        foreach (var question in newer.AllQuestions)
        {
            if (!before.TryGetValue(question.Key, out var old))
            {
                added.Add(question);
                continue;
            }
            var oldOptions = OptionsOf(old);
            var newOptions = OptionsOf(question);
            // A new or changed translation is a text change too: the English respondent reads a different question.
            var textSame = old.Text == question.Text && old.LocalizedText.Equals(question.LocalizedText);
            var change = new QuestionChange(
                question.Key,
                old.Type == question.Type ? null : old.Type,
                old.Type == question.Type ? null : question.Type,
                textSame ? null : old.Text,
                textSame ? null : question.Text,
                [.. newOptions.Keys.Where(k => !oldOptions.ContainsKey(k))],
                [.. oldOptions.Keys.Where(k => !newOptions.ContainsKey(k))],
                [.. newOptions.Where(o => oldOptions.TryGetValue(o.Key, out var label) && !label.Equals(o.Value)).Select(o => o.Key)]);
            if (change.TypeChanged || change.TextChanged || change.OptionsChanged)
            {
                changed.Add(change);
            }
            else
            {
                unchanged++;
            }
        }
        var removed = older.AllQuestions.Where(q => !afterKeys.Contains(q.Key)).ToList();
        return new QuestionnaireDifferencesResult(added, removed, changed, unchanged);
    }

    /// <summary>Every option-like choice of a question with its label (and translations, so a reworded English label counts), in order.</summary>
    private static Dictionary<string, LocalizedText> OptionsOf(Question question)
    {
        var options = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var option in question.Options)
        {
            options.TryAdd(option.Key, Labelled(option.Label, option.LocalizedLabel));
        }
        foreach (var row in question.Rows)
        {
            options.TryAdd("row:" + row.Key, Labelled(row.Label, row.LocalizedLabel));
        }
        foreach (var column in question.Columns)
        {
            options.TryAdd("column:" + column.Key, Labelled(column.Label, column.LocalizedLabel));
        }
        var localizedLevels = question.LocalizedLevels;
        foreach (var (level, label) in question.Levels ?? new Dictionary<int, string>())
        {
            options.TryAdd("level:" + level.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Labelled(label, localizedLevels?.GetValueOrDefault(level)));
        }
        return options;
    }

    /// <summary>The plain label is the truth for the own language; the localized form adds its translations.</summary>
    private static LocalizedText Labelled(string label, LocalizedText? localized) =>
        new(label, localized?.Language ?? QuestionnaireLoader.DefaultLanguage, localized?.Translations);
}
