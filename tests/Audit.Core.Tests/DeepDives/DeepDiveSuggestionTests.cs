using Audit.Core.DeepDives;

namespace Audit.Core.Tests.DeepDives;

[TestClass]
public sealed class DeepDiveSuggestionTests
{
    private static readonly ScoredInstitution[] Sector =
        [.. Enumerable.Range(1, 20).Select(i => new ScoredInstitution($"i{i:00}", i / 5m))];

    [TestMethod]
    public void The_same_seed_gives_the_same_suggestion_whatever_the_input_order()
    {
        var first = DeepDiveSuggestion.Suggest(Sector, 8, 7);
        var reordered = DeepDiveSuggestion.Suggest([.. Sector.Reverse()], 8, 7);
        var other = DeepDiveSuggestion.Suggest(Sector, 8, 8);

        Assert.AreSequenceEqual(first.ToArray(), reordered.ToArray());
        Assert.IsFalse(first.SequenceEqual(other));
    }

    [TestMethod]
    public void The_suggestion_takes_evenly_from_each_quartile_of_the_scores()
    {
        var picked = DeepDiveSuggestion.Suggest(Sector, 8, 3);

        Assert.HasCount(8, picked);
        foreach (var quartile in Enumerable.Range(1, 4))
        {
            var inQuartile = picked.Where(p => p.Quartile == quartile).ToList();
            Assert.HasCount(2, inQuartile);
            // Scores 0.2…4.0 in steps of 0.2: quartile q holds ranks 5(q-1)+1 … 5q.
            Assert.IsTrue(inQuartile.All(p => p.MeanScore > (quartile - 1) && p.MeanScore <= quartile), $"quartile {quartile}");
        }
        Assert.HasCount(20, DeepDiveSuggestion.Suggest(Sector, 50, 3));
        Assert.IsEmpty(DeepDiveSuggestion.Suggest([], 3, 3));
    }
}
