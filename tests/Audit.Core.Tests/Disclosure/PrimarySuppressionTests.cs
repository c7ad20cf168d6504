using Audit.Core.Disclosure;
using Audit.Core.Rounds;

namespace Audit.Core.Tests.Disclosure;

[TestClass]
public sealed class PrimarySuppressionTests
{
    private static string? Check(DisclosureSettings settings, params long[] contributions)
    {
        var tally = new ContributionTally(settings.EffectiveDominance.N);
        foreach (var contribution in contributions)
        {
            tally.Add(contribution);
        }
        return PrimarySuppression.Check(tally, settings);
    }

    [TestMethod]
    public void Threshold_hides_figures_with_1_to_k_minus_1_contributors()
    {
        var settings = DisclosureSettings.Default; // k = 5
        Assert.AreEqual(SuppressionReasons.Threshold, Check(settings, 12));
        Assert.AreEqual(SuppressionReasons.Threshold, Check(settings, 3, 3, 3, 3, 0, 0)); // zeros do not contribute
        Assert.IsNull(Check(settings, 3, 3, 3, 3, 3));
        Assert.IsNull(Check(settings)); // nobody reported anything: safe
        Assert.IsNull(Check(settings, 0, 0, 0));

        var three = new DisclosureSettings(MinGroupSize: 3);
        Assert.AreEqual(SuppressionReasons.Threshold, Check(three, 1, 1));
        Assert.IsNull(Check(three, 1, 1, 1));
    }

    [TestMethod]
    public void Dominance_worked_example_with_the_default_2_85_rule()
    {
        var settings = DisclosureSettings.Default; // n = 2, k = 85%
        // 50 + 40 = 90 of 100: the two largest hold 90% > 85%, so each can estimate the other closely.
        Assert.AreEqual(SuppressionReasons.Dominance, Check(settings, 50, 4, 40, 3, 3));
        // 45 + 40 = 85 of 100: exactly 85% does not EXCEED k.
        Assert.IsNull(Check(settings, 45, 40, 5, 5, 5));
        // 40 + 30 = 70 of 100.
        Assert.IsNull(Check(settings, 10, 40, 10, 30, 10));
        // One university with 1000 Chinese partnerships among five institutions.
        Assert.AreEqual(SuppressionReasons.Dominance, Check(settings, 1000, 2, 2, 2, 2));
    }

    [TestMethod]
    public void Dominance_follows_the_round_settings()
    {
        var oneFifty = new DisclosureSettings(5, new DominanceRule(N: 1, K: 50));
        Assert.AreEqual(SuppressionReasons.Dominance, Check(oneFifty, 60, 10, 10, 10, 10));
        Assert.IsNull(Check(oneFifty, 50, 20, 10, 10, 10));

        var three = new DisclosureSettings(5, new DominanceRule(N: 3, K: 90));
        Assert.AreEqual(SuppressionReasons.Dominance, Check(three, 40, 30, 25, 3, 2)); // 95%
        Assert.IsNull(Check(three, 40, 30, 20, 5, 5)); // 90%
    }

    [TestMethod]
    public void The_tally_keeps_the_sum_the_contributor_count_and_the_largest_n()
    {
        var tally = new ContributionTally(2);
        foreach (var value in new long[] { 3, 10, 0, 7, 10, 1 })
        {
            tally.Add(value);
        }
        Assert.AreEqual(31L, tally.Sum);
        Assert.AreEqual(5, tally.Contributors);
        Assert.AreEqual(20L, tally.TopSum);

        var fewer = new ContributionTally(3);
        fewer.Add(4);
        Assert.AreEqual(4L, fewer.TopSum);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => fewer.Add(-1));
    }
}
