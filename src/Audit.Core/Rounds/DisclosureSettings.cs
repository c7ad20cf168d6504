namespace Audit.Core.Rounds;

/// <summary>
/// Statistical disclosure control for a round's published sector views:
/// groups smaller than <see cref="MinGroupSize"/> are not published, and a cell where the largest
/// <see cref="DominanceRule.N"/> contributions exceed <see cref="DominanceRule.K"/> percent of the sum is suppressed.
/// </summary>
public sealed record DisclosureSettings(int MinGroupSize = 5, DominanceRule? Dominance = null)
{
    public static DisclosureSettings Default { get; } = new();

    public DominanceRule EffectiveDominance => Dominance ?? DominanceRule.Default;
}

public sealed record DominanceRule(int N = 2, decimal K = 85)
{
    public static DominanceRule Default { get; } = new();
}
