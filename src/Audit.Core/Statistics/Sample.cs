namespace Audit.Core.Statistics;

/// <summary>
/// A multiset of exact values stored as value → count. Memory grows with the number of DISTINCT values,
/// not with the number of institutions: maturity levels have 6, theme scores a few hundred (level sum over
/// question count), and numbers as many as institutions actually differ.
/// </summary>
internal sealed class Sample
{
    private static readonly Fraction Quarter = Fraction.Of(1, 4);
    private static readonly Fraction Half = Fraction.Of(1, 2);
    private static readonly Fraction ThreeQuarters = Fraction.Of(3, 4);

    private readonly Dictionary<Fraction, long> _counts = [];

    public long Count { get; private set; }

    public void Add(Fraction value, long times = 1)
    {
        if (times <= 0)
        {
            return;
        }
        _counts[value] = _counts.GetValueOrDefault(value) + times;
        Count += times;
    }

    /// <summary>Exact mean, quartiles (type 7) and extremes; null for an empty sample.</summary>
    public SampleSummary? Summarize()
    {
        if (Count == 0)
        {
            return null;
        }
        var sorted = _counts.OrderBy(pair => pair.Key).ToArray();
        var cumulative = new long[sorted.Length];
        var total = Fraction.Zero;
        var seen = 0L;
        for (var i = 0; i < sorted.Length; i++)
        {
            seen += sorted[i].Value;
            cumulative[i] = seen;
            total += sorted[i].Key * Fraction.Of(sorted[i].Value);
        }

        Fraction ValueAtRank(long rank)
        {
            // First entry whose cumulative count exceeds the rank.
            var index = Array.BinarySearch(cumulative, rank + 1);
            return sorted[index >= 0 ? index : ~index].Key;
        }

        return new SampleSummary(
            Count,
            total / Fraction.Of(Count),
            Quantiles.Type7(Count, Quarter, ValueAtRank),
            Quantiles.Type7(Count, Half, ValueAtRank),
            Quantiles.Type7(Count, ThreeQuarters, ValueAtRank),
            sorted[0].Key,
            sorted[^1].Key);
    }
}

internal sealed record SampleSummary(long N, Fraction Mean, Fraction Q1, Fraction Median, Fraction Q3, Fraction Min, Fraction Max);
