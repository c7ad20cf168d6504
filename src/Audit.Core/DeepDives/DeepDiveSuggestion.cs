namespace Audit.Core.DeepDives;

/// <summary>An institution that can be suggested: its mean theme score (see <see cref="Statistics.ThemeScores"/>).</summary>
public sealed record ScoredInstitution(string InstitutionId, decimal MeanScore);

/// <summary>A suggested institution and the score quartile (1 lowest … 4 highest) it was drawn from.</summary>
public sealed record SuggestedInstitution(string InstitutionId, decimal MeanScore, int Quartile);

/// <summary>
/// Suggests a deep-dive selection spread over the score quartiles, so that the qualitative study sees weak, middling
/// and strong institutions rather than whoever comes first. Reproducible: the same scores, size and seed give the same
/// suggestion (the order of the input does not matter), so the rationale can cite the seed.
/// </summary>
public static class DeepDiveSuggestion
{
    public const int Quartiles = 4;

    public static IReadOnlyList<SuggestedInstitution> Suggest(IReadOnlyCollection<ScoredInstitution> scored, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        // Rank by score, ties by id, so the quartiles do not depend on the order the database returned.
        var ranked = scored.OrderBy(s => s.MeanScore).ThenBy(s => s.InstitutionId, StringComparer.Ordinal).ToList();
        var n = ranked.Count;
        var groups = Enumerable.Range(0, Quartiles).Select(_ => new List<ScoredInstitution>()).ToList();
        for (var rank = 0; rank < n; rank++)
        {
            groups[rank * Quartiles / n].Add(ranked[rank]);
        }
        // System.Random with a seed is deterministic across runs and platforms (its seeded algorithm is fixed for compatibility).
        var random = new Random(seed);
        foreach (var group in groups)
        {
            Shuffle(group, random);
        }
        // Take one from each quartile in turn (lowest first), so any size spreads as evenly as the quartiles allow;
        // a quartile that runs out leaves its turn to the others.
        var picked = new List<SuggestedInstitution>();
        var next = new int[Quartiles];
        var target = Math.Min(size, n);
        while (picked.Count < target)
        {
            for (var q = 0; q < Quartiles && picked.Count < target; q++)
            {
                if (next[q] < groups[q].Count)
                {
                    var item = groups[q][next[q]++];
                    picked.Add(new SuggestedInstitution(item.InstitutionId, item.MeanScore, q + 1));
                }
            }
        }
        return picked;
    }

    private static void Shuffle(List<ScoredInstitution> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
