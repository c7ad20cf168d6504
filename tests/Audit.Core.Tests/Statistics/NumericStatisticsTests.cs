using Audit.Core.SectorViews;
using static Audit.Core.Tests.SectorViews.SectorViewFixture;

namespace Audit.Core.Tests.Statistics;

/// <summary>maturity and number; expected values computed by hand (type 7: h = (n − 1)·p).</summary>
[TestClass]
public sealed class NumericStatisticsTests
{
    private const string Maturity = "governance.maturity";
    private const string Number = "risk.partners";

    [TestMethod]
    public void Maturity_at_odd_n_with_a_not_applicable_answer()
    {
        var q = Compute(OneQuestion(Maturity, "1", "2", "3", "4", "5", "\"not_applicable\"")).Question(Maturity);

        Assert.AreEqual("maturity", q.Type);
        Assert.AreEqual(5, q.Answered);
        Assert.AreEqual(1, q.NotApplicable);
        Assert.AreEqual(3m, q.Mean);
        Assert.AreEqual(2m, q.Q1);
        Assert.AreEqual(3m, q.Median);
        Assert.AreEqual(4m, q.Q3);
        Assert.AreEqual(1m, q.Min);
        Assert.AreEqual(5m, q.Max);
        Assert.AreSequenceEqual(
            new[] { "0:0:0.0", "1:1:20.0", "2:1:20.0", "3:1:20.0", "4:1:20.0", "5:1:20.0" },
            Describe(q.Distribution!));
        Assert.AreEqual(new NormCount(3, 60.0m), q.MeetsNorm); // norm: at least 3
    }

    [TestMethod]
    public void Maturity_at_even_n_interpolates_between_ranks()
    {
        // sorted 0 1 3 3 4 5: q1 at h = 1.25 → 1 + 0.25·2 = 1.5; median at 2.5 → 3; q3 at 3.75 → 3 + 0.75·1 = 3.75.
        var q = Compute(OneQuestion(Maturity, "3", "0", "5", "1", "4", "3")).Question(Maturity);

        Assert.AreEqual(6, q.Answered);
        Assert.AreEqual(2.67m, q.Mean); // 16 / 6 = 2.666…
        Assert.AreEqual(1.5m, q.Q1);
        Assert.AreEqual(3m, q.Median);
        Assert.AreEqual(3.75m, q.Q3);
        Assert.AreEqual(new NormCount(4, 66.7m), q.MeetsNorm);
    }

    [TestMethod]
    public void Maturity_with_one_answer_and_with_all_equal_answers()
    {
        var single = Compute(OneQuestion(Maturity, "4")).Question(Maturity);
        Assert.AreEqual(1, single.Answered);
        Assert.AreEqual(4m, single.Mean);
        Assert.AreEqual(4m, single.Q1);
        Assert.AreEqual(4m, single.Median);
        Assert.AreEqual(4m, single.Q3);
        Assert.AreEqual(4m, single.Min);
        Assert.AreEqual(4m, single.Max);

        var equal = Compute(OneQuestion(Maturity, "2", "2", "2", "2", "2")).Question(Maturity);
        Assert.AreEqual(2m, equal.Mean);
        Assert.AreEqual(2m, equal.Q1);
        Assert.AreEqual(2m, equal.Median);
        Assert.AreEqual(2m, equal.Q3);
        Assert.AreEqual(new NormCount(0, 0.0m), equal.MeetsNorm);
        Assert.AreEqual("2:5:100.0", Describe(equal.Distribution!)[2]);
    }

    [TestMethod]
    public void Maturity_nobody_answered_has_counts_but_no_statistics()
    {
        var q = Compute(OneQuestion(Maturity, "\"not_applicable\"")).Question(Maturity);
        Assert.AreEqual(0, q.Answered);
        Assert.AreEqual(1, q.NotApplicable);
        Assert.IsNull(q.Mean);
        Assert.IsNull(q.Median);
        Assert.IsNull(q.Min);
        Assert.AreEqual(new NormCount(0, null), q.MeetsNorm);
        Assert.IsTrue(q.Distribution!.All(d => d.Count == 0 && d.Percent is null));
    }

    [TestMethod]
    public void Answers_of_the_wrong_kind_are_neither_answered_nor_not_applicable()
    {
        var q = Compute(OneQuestion(Maturity, "\"high\"", "7", "2.5", "3.0", "null")).Question(Maturity);
        Assert.AreEqual(1, q.Answered); // only 3.0, which is the integer 3
        Assert.AreEqual(0, q.NotApplicable);
        Assert.AreEqual(3m, q.Mean);
    }

    [TestMethod]
    public void Number_at_odd_and_even_n_keeps_decimals_exact()
    {
        // sorted 2.5 7 10 12 30.25
        var odd = Compute(OneQuestion(Number, "10", "2.5", "30.25", "12", "7")).Question(Number);
        Assert.AreEqual("number", odd.Type);
        Assert.AreEqual(5, odd.Answered);
        Assert.AreEqual(12.35m, odd.Mean); // 61.75 / 5
        Assert.AreEqual(7m, odd.Q1);
        Assert.AreEqual(10m, odd.Median);
        Assert.AreEqual(12m, odd.Q3);
        Assert.AreEqual(2.5m, odd.Min);
        Assert.AreEqual(30.25m, odd.Max);
        Assert.AreEqual(new NormCount(3, 60.0m), odd.MeetsNorm); // at least 10
        Assert.IsNull(odd.Distribution);

        // sorted 2.5 4 7 10 12 30.25: q1 at 1.25 → 4.75; median at 2.5 → 8.5; q3 at 3.75 → 11.5.
        var even = Compute(OneQuestion(Number, "10", "2.5", "30.25", "12", "7", "4")).Question(Number);
        Assert.AreEqual(10.96m, even.Mean); // 65.75 / 6 = 10.958…
        Assert.AreEqual(4.75m, even.Q1);
        Assert.AreEqual(8.5m, even.Median);
        Assert.AreEqual(11.5m, even.Q3);
    }

    [TestMethod]
    public void Number_one_answer_and_all_equal()
    {
        var single = Compute(OneQuestion(Number, "0.125")).Question(Number);
        Assert.AreEqual(0.13m, single.Mean); // 0.125 rounds away from zero
        Assert.AreEqual(0.13m, single.Median);
        Assert.AreEqual(0.125m, single.Min); // extremes are the answer itself, unrounded

        var equal = Compute(OneQuestion(Number, "42", "42.0", "42.00")).Question(Number);
        Assert.AreEqual(3, equal.Answered);
        Assert.AreEqual(42m, equal.Q1);
        Assert.AreEqual(42m, equal.Q3);
        Assert.AreEqual(new NormCount(3, 100.0m), equal.MeetsNorm);
    }

    internal static string[] Describe(IEnumerable<OptionCount> distribution) =>
        distribution.Select(d => FormattableString.Invariant($"{d.Option}:{d.Count}:{d.Percent}")).ToArray();
}
