namespace Audit.Core.SectorViews;

/// <summary>Comparison of a sector view with the same institution type in the round's baseline round.</summary>
/// <param name="Themes">Every theme present in both rounds (same key), in current definition order.</param>
/// <param name="Questions">Every question comparable with the baseline (same key and type) that has a mean,
/// median or meetsNorm: maturity, number, yes_no and single_choice.</param>
public sealed record TrendBlock(
    string BaselineRoundId,
    string BaselineFingerprint,
    IReadOnlyList<TrendItem> Themes,
    IReadOnlyList<TrendItem> Questions);

/// <summary>
/// One comparable question or theme. <see cref="Delta"/> = current − baseline, computed from the rounded
/// figures each view shows, so a reader can reproduce it. Each side is suppressed on its own: the baseline's
/// values are published when the baseline published them, the delta only when both sides did.
/// </summary>
/// <param name="Baseline">The baseline's values (null in the published view where the baseline suppressed them).</param>
/// <param name="Suppressed">The delta is withheld because at least one side is suppressed.</param>
/// <param name="Reason">The suppressing side's reason (the current side's first).</param>
/// <param name="SuppressedIn">"current", "baseline" or "both"; null when not suppressed.</param>
public sealed record TrendItem(
    string Key,
    TrendValues Baseline,
    TrendValues Delta,
    bool Suppressed,
    string? Reason,
    string? SuppressedIn);

/// <param name="MeetsNormPercent">meetsNorm.percent; for a delta, in percentage points (1 decimal).</param>
public sealed record TrendValues(decimal? Mean, decimal? Median, decimal? MeetsNormPercent)
{
    public static TrendValues None { get; } = new(null, null, null);
}

public static class TrendSides
{
    public const string Current = "current";
    public const string Baseline = "baseline";
    public const string Both = "both";
}
