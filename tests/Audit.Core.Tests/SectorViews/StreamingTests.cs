using System.Collections;
using System.Globalization;
using System.Text.Json;
using Audit.Core.Disclosure;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;
using static Audit.Core.Tests.SectorViews.SectorViewFixture;

namespace Audit.Core.Tests.SectorViews;

[TestClass]
public sealed class StreamingTests
{
    /// <summary>Like a database reader: one pass only, and each row's document is disposed once the next is read.</summary>
    private sealed class OnePass(int count) : IEnumerable<IncludedParticipation>
    {
        private bool _used;

        public IEnumerator<IncludedParticipation> GetEnumerator()
        {
            Assert.IsFalse(_used, "The participations were enumerated twice.");
            _used = true;
            return Rows();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private IEnumerator<IncludedParticipation> Rows()
        {
            for (var i = 0; i < count; i++)
            {
                var json = string.Create(CultureInfo.InvariantCulture, $$$"""
                    {"governance.maturity": {{{i % 6}}}, "governance.policy": "{{{(i % 3 == 0 ? "no" : "yes")}}}",
                     "governance.policy_maturity": {{{(i + 1) % 6}}}, "risk.partners": {{{i % 100}}}.5,
                     "risk.countries": ["cn"], "risk.outcomes": {"cn": {"approved": {{{i % 7}}}}}, "risk.notes": "n{{{i}}}"}
                    """);
                using var document = JsonDocument.Parse(json);
                var answers = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                yield return new IncludedParticipation($"p{i:00000}", "inst", $"h{i}", answers);
            }
        }
    }

    [TestMethod]
    public void Twenty_thousand_institutions_stream_through_in_one_pass()
    {
        const int count = 20_000;
        var view = Compute(new OnePass(count), scope: Scope(new ResponseCounts(count, 0, 0, 0, count)));

        Assert.AreEqual(count, view.Included);
        Assert.AreEqual(100.0m, view.Response!.ResponseRate);
        var maturity = view.Question("governance.maturity");
        Assert.AreEqual(count, maturity.Answered);
        // Levels 0..5 in turn; 20 000 = 3333 full cycles + 2 (levels 0 and 1).
        Assert.AreEqual(2.5m, maturity.Mean); // (3333 · 15 + 1) / 20 000 = 2.4998
        Assert.AreEqual(new NormCount(9_999, 50.0m), maturity.MeetsNorm); // 3333 · 3 = 49.995%
        var policyMaturity = view.Question("governance.policy_maturity");
        Assert.AreEqual(count - 6667, policyMaturity.Answered); // hidden where policy = no (i % 3 == 0)
        var partners = view.Question("risk.partners");
        Assert.AreEqual(50m, partners.Mean); // 0.5 … 99.5, 200 times each
        Assert.AreEqual(50m, partners.Median);
        Assert.AreEqual(0.5m, partners.Min);
        var grid = view.Question("risk.outcomes");
        Assert.AreEqual(59_997L, grid.Total!.Sum); // 2857 cycles of 0..6 (21 each), then one 0
        Assert.IsFalse(PublishedForm.Of(view).Suppressed);
    }
}
