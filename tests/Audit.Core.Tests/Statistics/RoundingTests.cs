using System.Globalization;
using Audit.Core.Statistics;

namespace Audit.Core.Tests.Statistics;

[TestClass]
public sealed class RoundingTests
{
    [TestMethod]
    [DataRow("2.345", "2.35")]
    [DataRow("-2.345", "-2.35")]
    [DataRow("2.3449999999", "2.34")]
    [DataRow("2.005", "2.01")]
    [DataRow("3.00", "3")]
    [DataRow("2.50", "2.5")]
    [DataRow("-0.001", "0")]
    [DataRow("0", "0")]
    public void Statistics_round_to_2_decimals_midpoint_away_from_zero_without_trailing_zeros(string value, string expected)
    {
        var rounded = StatRounding.Statistic(decimal.Parse(value, CultureInfo.InvariantCulture));
        Assert.AreEqual(expected, rounded.ToString(CultureInfo.InvariantCulture));
    }

    [TestMethod]
    [DataRow(2, 3, "66.7")]
    [DataRow(1, 3, "33.3")]
    [DataRow(1, 8, "12.5")]
    [DataRow(1, 16, "6.3")]   // 6.25 → 6.3: away from zero, not to even
    [DataRow(9, 13, "69.2")]
    [DataRow(13, 14, "92.9")]
    [DataRow(0, 5, "0.0")]
    [DataRow(5, 5, "100.0")]
    public void Percentages_have_exactly_one_decimal(long count, long denominator, string expected)
    {
        var percent = StatRounding.Percent(count, denominator);
        Assert.AreEqual(expected, percent!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public void A_percentage_of_nothing_is_null()
    {
        Assert.IsNull(StatRounding.Percent(0, 0));
    }

    [TestMethod]
    public void Fractions_round_exactly_where_decimal_division_falls_below_the_midpoint()
    {
        // Six theme scores whose mean is exactly 3.475. In decimal, 13/3 and 17/6 are cut off after 28
        // digits and the mean comes out as 3.47499…, which rounds to 3.47.
        (long Sum, long Count)[] scores = [(9, 4), (23, 5), (13, 3), (17, 6), (15, 3), (11, 6)];
        var viaDecimal = scores.Sum(s => (decimal)s.Sum / s.Count) / scores.Length;
        Assert.AreEqual(3.47m, Math.Round(viaDecimal, 2, MidpointRounding.AwayFromZero));

        var exact = scores.Aggregate(Fraction.Zero, (total, s) => total + Fraction.Of(s.Sum, s.Count)) / Fraction.Of(scores.Length);
        Assert.AreEqual(Fraction.Of(139, 40), exact);
        Assert.AreEqual(3.48m, StatRounding.Statistic(exact));
    }

    [TestMethod]
    public void Fractions_convert_decimals_losslessly_and_normalize()
    {
        Assert.AreEqual(Fraction.Of(1, 8), Fraction.Of(0.125m));
        Assert.AreEqual(Fraction.Of(-5, 2), Fraction.Of(-2.50m));
        Assert.AreEqual(Fraction.Of(2, 4), Fraction.Of(1, 2));
        Assert.AreEqual(Fraction.Of(1, -2), Fraction.Of(-1, 2));
        Assert.AreEqual(new System.Numerics.BigInteger(-2), Fraction.Of(-3, 2).Floor());
        Assert.AreEqual(79228162514264337593543950335m, Fraction.Of(decimal.MaxValue).ToDecimal());
        Assert.AreEqual("0.0", Fraction.Zero.Round(1).ToString(CultureInfo.InvariantCulture));
        Assert.AreEqual("-0.1", Fraction.Of(-1, 20).Round(1).ToString(CultureInfo.InvariantCulture));
    }
}
