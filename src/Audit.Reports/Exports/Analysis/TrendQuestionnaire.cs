namespace Audit.Reports.Exports.Analysis;

/// <summary>The questions several rounds share, merged into one definition for a trend export, and the keys left out.</summary>
public sealed record TrendDefinition(Questionnaire Questionnaire, IReadOnlyList<string> LeftOut);

/// <summary>
/// Merges the questionnaires of several rounds (oldest first) into the questions they share: same key and same type in
/// every round. Themes, texts and order are the newest round's. Choice options, grid rows and columns are the union by
/// key: the newest version's in its order, then any older-only ones, so one code means one option in every round.
/// </summary>
public static class TrendQuestionnaire
{
    public static TrendDefinition Merge(IReadOnlyList<Questionnaire> oldestFirst)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(oldestFirst.Count, 1);
        var newest = oldestFirst[^1];
        var themes = new List<Theme>();
        foreach (var theme in newest.Themes)
        {
            var shared = theme.Questions
                .Where(q => oldestFirst.All(other => other.FindQuestion(q.Key) is { } found && found.Type == q.Type))
                .Select(q => Merged(q, oldestFirst))
                .ToList();
            if (shared.Count > 0)
            {
                themes.Add(theme with { Questions = shared });
            }
        }
        var kept = themes.SelectMany(t => t.Questions).Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        var leftOut = oldestFirst.SelectMany(q => q.AllQuestions).Select(q => q.Key).Where(k => !kept.Contains(k))
            .Distinct(StringComparer.Ordinal).ToList();
        var keys = string.Join("+", oldestFirst.Select(q => q.Key).Distinct(StringComparer.Ordinal));
        var versions = string.Join("+", oldestFirst.Select(q => q.Version));
        return new TrendDefinition(newest with { Key = keys, Version = versions, Themes = themes }, leftOut);
    }

    private static Question Merged(Question newest, IReadOnlyList<Questionnaire> oldestFirst)
    {
        var versions = oldestFirst.Select(q => q.FindQuestion(newest.Key)!).Reverse().ToList();
        // The condition belongs to each round's own definition; coding judges visibility with that one.
        return newest with
        {
            VisibleWhen = null,
            Options = Union(versions.Select(v => v.Options)),
            Rows = Union(versions.Select(v => v.Rows)),
            Columns = Union(versions.Select(v => v.Columns)),
        };
    }

    private static IReadOnlyList<Option> Union(IEnumerable<IReadOnlyList<Option>> newestFirst)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. newestFirst.SelectMany(list => list).Where(o => seen.Add(o.Key))];
    }
}
