namespace Audit.Core.Statistics;

/// <summary>
/// Rounding of published figures: statistics (means, quantiles, theme scores, deltas) to 2 decimals,
/// percentages to 1 decimal, a midpoint always away from zero (2.345 → 2.35, 0.05 → 0.1).
/// </summary>
/// <remarks>
/// Rounding is exact: the value is an exact <see cref="Fraction"/> (or an exact decimal) and is rounded once.
/// The decimal scale is part of the JSON bytes (3.00m is written as "3.00"), so it is fixed here too:
/// statistics carry no trailing zeros ("3", "2.5", "2.85"), percentages exactly one decimal ("0.0", "69.2").
/// That keeps serialization deterministic whatever arithmetic produced the value.
/// </remarks>
public static class StatRounding
{
    public const int StatisticDecimals = 2;
    public const int PercentDecimals = 1;

    /// <summary>A mean, quantile or delta: 2 decimals, trailing zeros removed.</summary>
    public static decimal Statistic(decimal value) => Statistic(Fraction.Of(value));

    /// <summary>A percentage or a percentage-point delta: exactly 1 decimal.</summary>
    public static decimal OneDecimal(decimal value) => Fraction.Of(value).Round(PercentDecimals);

    /// <summary>count ÷ denominator × 100 to exactly 1 decimal; null when there is no denominator.</summary>
    public static decimal? Percent(long count, long denominator) =>
        denominator <= 0 ? null : Fraction.Of(count * 100L, denominator).Round(PercentDecimals);

    internal static decimal Statistic(Fraction value) => TrimTrailingZeros(value.Round(StatisticDecimals));

    internal static decimal TrimTrailingZeros(decimal value)
    {
        if (value == 0m)
        {
            return 0m; // also drops a negative zero and a scale, which would serialize as "-0" or "0.00"
        }
        while (value.Scale > 0)
        {
            var shorter = Math.Round(value, value.Scale - 1);
            if (shorter != value)
            {
                break;
            }
            value = shorter;
        }
        return value;
    }
}
