using Audit.Core.Statistics;

namespace Audit.Core.Tests.Statistics;

/// <summary>Expected values are numpy.percentile(values, 100·p) (default "linear") = Excel PERCENTILE.INC.</summary>
[TestClass]
public sealed class QuantileTests
{
    [TestMethod]
    [DataRow(new[] { 1.0, 2, 3, 4 }, 0.25, 1.75)]
    [DataRow(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
    [DataRow(new[] { 1.0, 2, 3, 4 }, 0.75, 3.25)]
    [DataRow(new[] { 1.0, 2, 3, 4 }, 0.1, 1.3)]
    [DataRow(new[] { 1.0, 2, 3, 4, 5 }, 0.25, 2.0)]
    [DataRow(new[] { 1.0, 2, 3, 4, 5 }, 0.5, 3.0)]
    [DataRow(new[] { 1.0, 2, 3, 4, 5 }, 0.75, 4.0)]
    [DataRow(new[] { 15.0, 20, 35, 40, 50 }, 0.4, 29.0)]
    [DataRow(new[] { 1.0, 3, 7, 8, 10, 12 }, 0.25, 4.0)]
    [DataRow(new[] { 1.0, 3, 7, 8, 10, 12 }, 0.5, 7.5)]
    [DataRow(new[] { 1.0, 3, 7, 8, 10, 12 }, 0.75, 9.5)]
    [DataRow(new[] { 1.0, 3, 7, 8, 10, 12 }, 0.0, 1.0)]
    [DataRow(new[] { 1.0, 3, 7, 8, 10, 12 }, 1.0, 12.0)]
    [DataRow(new[] { 7.0 }, 0.25, 7.0)]
    [DataRow(new[] { 7.0 }, 0.75, 7.0)]
    [DataRow(new[] { 3.0, 3, 3, 3 }, 0.25, 3.0)]
    [DataRow(new[] { 0.1, 0.2 }, 0.5, 0.15)]
    [DataRow(new[] { -2.0, 0.5, 4 }, 0.25, -0.75)]
    public void Type7_matches_numpy_and_excel(double[] sorted, double p, double expected)
    {
        var values = sorted.Select(v => (decimal)v).ToList();
        Assert.AreEqual((decimal)expected, Quantiles.Type7(values, (decimal)p));
    }

    [TestMethod]
    public void Type7_is_exact_decimal_arithmetic()
    {
        // In binary floating point 0.1 + 0.5 · (0.7 − 0.1) is not 0.4; in decimals it is.
        Assert.AreEqual(0.4m, Quantiles.Type7([0.1m, 0.7m], 0.5m));
        Assert.AreEqual(0.1000000001m, Quantiles.Type7([0.1m, 0.1000000002m], 0.5m));
    }

    [TestMethod]
    public void Empty_input_and_p_outside_0_to_1_are_rejected()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Quantiles.Type7([], 0.5m));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Quantiles.Type7([1m], 1.5m));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Quantiles.Type7([1m], -0.1m));
    }

    [TestMethod]
    public void A_weighted_sample_gives_the_same_quartiles_as_its_expansion()
    {
        // 2×1, 3×2, 1×5 expands to [1, 1, 2, 2, 2, 5]: numpy gives q1 1.25, median 2, q3 2, mean 13/6.
        var sample = new Sample();
        sample.Add(Fraction.Of(5));
        sample.Add(Fraction.Of(1), 2);
        sample.Add(Fraction.Of(2), 3);
        var summary = sample.Summarize()!;
        Assert.AreEqual(6, summary.N);
        Assert.AreEqual(Fraction.Of(5, 4), summary.Q1);
        Assert.AreEqual(Fraction.Of(2), summary.Median);
        Assert.AreEqual(Fraction.Of(2), summary.Q3);
        Assert.AreEqual(Fraction.Of(13, 6), summary.Mean);
        Assert.AreEqual(Fraction.Of(1), summary.Min);
        Assert.AreEqual(Fraction.Of(5), summary.Max);
        Assert.IsNull(new Sample().Summarize());
    }
}
