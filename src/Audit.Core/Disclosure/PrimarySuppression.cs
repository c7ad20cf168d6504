using Audit.Core.Rounds;

namespace Audit.Core.Disclosure;

/// <summary>The primary rules for a grid cell or total (totals are cells too).</summary>
public static class PrimarySuppression
{
    /// <summary>
    /// Null when safe; otherwise <see cref="SuppressionReasons.Threshold"/> (1..k−1 contributors) or
    /// <see cref="SuppressionReasons.Dominance"/> (top N contributions &gt; K% of the sum).
    /// A zero cell (no contributors) is safe: publishing "nobody reported anything" reveals no one's value.
    /// </summary>
    public static string? Check(ContributionTally tally, DisclosureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(settings);
        if (tally.Contributors == 0)
        {
            return null;
        }
        if (tally.Contributors < settings.MinGroupSize)
        {
            return SuppressionReasons.Threshold;
        }
        var dominance = settings.EffectiveDominance;
        // top/sum > K/100, compared without division; decimal avoids long overflow of sum·K.
        if (dominance.N > 0 && tally.TopSum * 100m > dominance.K * tally.Sum)
        {
            return SuppressionReasons.Dominance;
        }
        return null;
    }
}
