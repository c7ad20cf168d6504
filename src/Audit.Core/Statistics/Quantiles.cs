namespace Audit.Core.Statistics;

/// <summary>
/// Sample quantiles by Hyndman–Fan type 7: h = (n − 1)·p, linear interpolation between the closest ranks.
/// Same as Excel PERCENTILE.INC, numpy's and R's default. Results are exact (unrounded).
/// </summary>
public static class Quantiles
{
    /// <summary>The p-quantile (0 ≤ p ≤ 1) of values sorted ascending; the list must not be empty.</summary>
    public static decimal Type7(IReadOnlyList<decimal> sortedAscending, decimal p)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        var result = Type7(sortedAscending.Count, Fraction.Of(p), rank => Fraction.Of(sortedAscending[(int)rank]));
        // Interpolating decimals with a decimal p stays a terminating decimal, so this is exact
        // unless the value needs more than 28 places.
        return result.ToDecimal();
    }

    /// <summary>The p-quantile of <paramref name="n"/> values given by their 0-based rank in sorted order.</summary>
    internal static Fraction Type7(long n, Fraction p, Func<long, Fraction> valueAtRank)
    {
        if (n <= 0)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(n));
        }
        if (p < Fraction.Zero || p > Fraction.Of(1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be between 0 and 1.");
        }
        var h = Fraction.Of(n - 1) * p;
        var lower = (long)h.Floor();
        var fraction = h - Fraction.Of(lower);
        var low = valueAtRank(lower);
        if (fraction == Fraction.Zero || lower + 1 >= n)
        {
            return low;
        }
        return low + fraction * (valueAtRank(lower + 1) - low);
    }
}
