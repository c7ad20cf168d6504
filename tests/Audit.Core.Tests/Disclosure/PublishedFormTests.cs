using System.Text.Json;
using Audit.Core.Disclosure;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;
using static Audit.Core.Tests.SectorViews.SectorViewFixture;

namespace Audit.Core.Tests.Disclosure;

[TestClass]
public sealed class PublishedFormTests
{
    private static List<IncludedParticipation> Five(params string[] answersJson) =>
        answersJson.Select((json, i) => Participation($"p{i + 1}", json)).ToList();

    [TestMethod]
    public void A_group_smaller_than_k_is_not_published_at_all()
    {
        var internalView = Compute(OneQuestion("governance.maturity", "1", "2", "3", "4"));
        Assert.IsTrue(internalView.Suppressed);
        Assert.AreEqual("group_too_small", internalView.Reason);
        Assert.AreEqual(2.5m, internalView.Question("governance.maturity").Mean); // the bureau still sees it

        var published = ToJson(PublishedForm.Of(internalView));
        Assert.AreEqual("published", published.GetProperty("view").GetString());
        Assert.IsTrue(published.GetProperty("suppressed").GetBoolean());
        Assert.AreEqual("group_too_small", published.GetProperty("reason").GetString());
        Assert.AreEqual(JsonValueKind.Null, published.GetProperty("response").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, published.GetProperty("included").ValueKind);
        Assert.AreEqual(0, published.GetProperty("themes").GetArrayLength());
        Assert.AreEqual(0, published.GetProperty("questions").GetArrayLength());
        Assert.AreEqual(JsonValueKind.Null, published.GetProperty("trend").ValueKind);
        Assert.AreEqual(internalView.Fingerprint, published.GetProperty("fingerprint").GetString());
    }

    [TestMethod]
    public void Exactly_k_institutions_are_published()
    {
        var view = Compute(OneQuestion("governance.maturity", "1", "2", "3", "4", "5"));
        Assert.IsFalse(view.Suppressed);
        Assert.IsFalse(view.Question("governance.maturity").Suppressed);
        Assert.AreEqual(3m, PublishedForm.Of(view).Question("governance.maturity").Mean);
    }

    [TestMethod]
    public void A_question_answered_by_fewer_than_k_has_every_statistic_null_but_keeps_its_counts()
    {
        var internalView = Compute(Five(
            """{"governance.maturity": 1, "governance.policy": "yes"}""",
            """{"governance.maturity": 2, "governance.policy": "yes"}""",
            """{"governance.maturity": 3, "governance.policy": "no"}""",
            """{"governance.maturity": "not_applicable", "governance.policy": "yes"}""",
            """{"governance.policy": "yes"}"""));
        var maturity = internalView.Question("governance.maturity");
        Assert.IsTrue(maturity.Suppressed);
        Assert.AreEqual("too_few_answers", maturity.Reason);
        Assert.AreEqual(2m, maturity.Mean);
        Assert.IsFalse(internalView.Question("governance.policy").Suppressed);

        var published = ToJson(PublishedForm.Of(internalView));
        var question = published.GetProperty("questions").EnumerateArray()
            .Single(q => q.GetProperty("key").GetString() == "governance.maturity");
        Assert.IsTrue(question.GetProperty("suppressed").GetBoolean());
        Assert.AreEqual("too_few_answers", question.GetProperty("reason").GetString());
        Assert.AreEqual(3, question.GetProperty("answered").GetInt32());
        Assert.AreEqual(1, question.GetProperty("notApplicable").GetInt32());
        foreach (var field in new[] { "mean", "median", "q1", "q3", "distribution", "meetsNorm" })
        {
            Assert.AreEqual(JsonValueKind.Null, question.GetProperty(field).ValueKind, field);
        }
        var theme = published.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "governance");
        Assert.AreEqual(3, theme.GetProperty("n").GetInt32());
        Assert.AreEqual(JsonValueKind.Null, theme.GetProperty("mean").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, theme.GetProperty("meetsNorm").ValueKind);
    }

    [TestMethod]
    public void Min_and_max_are_in_the_internal_json_and_absent_from_the_published_json()
    {
        var internalView = Compute(OneQuestion("risk.partners", "1", "2", "3", "4", "50"));
        var internalJson = ToJson(internalView).GetProperty("questions").EnumerateArray()
            .Single(q => q.GetProperty("key").GetString() == "risk.partners");
        Assert.AreEqual(1m, internalJson.GetProperty("min").GetDecimal());
        Assert.AreEqual(50m, internalJson.GetProperty("max").GetDecimal());

        var publishedView = PublishedForm.Of(internalView);
        var publishedJson = ToJson(publishedView);
        foreach (var question in publishedJson.GetProperty("questions").EnumerateArray())
        {
            Assert.IsFalse(question.TryGetProperty("min", out _), question.GetProperty("key").GetString());
            Assert.IsFalse(question.TryGetProperty("max", out _), question.GetProperty("key").GetString());
        }
        var raw = System.Text.Encoding.UTF8.GetString(SectorViewJson.Serialize(publishedView));
        Assert.DoesNotContain("\"min\"", raw);
        Assert.DoesNotContain("\"max\"", raw);
        Assert.AreEqual("internal", ToJson(internalView).GetProperty("view").GetString());
    }

    [TestMethod]
    public void Grid_primary_rules_apply_to_totals_and_secondary_covers_make_them_stick()
    {
        // Five institutions report Chinese approvals; only p1 reports a Russian decline.
        var internalView = Compute(Five(
            """{"risk.outcomes": {"cn": {"approved": 11}, "ru": {"declined": 2}}}""",
            """{"risk.outcomes": {"cn": {"approved": 12}}}""",
            """{"risk.outcomes": {"cn": {"approved": 13}}}""",
            """{"risk.outcomes": {"cn": {"approved": 14}}}""",
            """{"risk.outcomes": {"cn": {"approved": 15}}}"""));
        var grid = internalView.Question("risk.outcomes");

        Assert.AreSequenceEqual(
            new[] { "cn/approved=65 secondary", "cn/declined=0 -", "ru/approved=0 -", "ru/declined=2 threshold" },
            grid.Cells!.Select(c => $"{c.Row}/{c.Column}={c.Sum} {c.Reason ?? "-"}").ToArray());
        // ru's row total and the declined column total have one contributor: threshold, like a cell.
        Assert.AreSequenceEqual(new[] { "cn=65 secondary", "ru=2 threshold" },
            grid.RowTotals!.Select(r => $"{r.Row}={r.Sum} {r.Reason ?? "-"}").ToArray());
        Assert.AreSequenceEqual(new[] { "approved=65 secondary", "declined=2 threshold" },
            grid.ColumnTotals!.Select(c => $"{c.Column}={c.Sum} {c.Reason ?? "-"}").ToArray());
        Assert.AreEqual(new GridTotal(67, 5, false, null), grid.Total);

        // Published: hidden figures are null with their reason; 67 alone does not reveal 65 or 2.
        var published = PublishedForm.Of(internalView).Question("risk.outcomes");
        Assert.AreEqual(new GridCell("ru", "declined", null, null, true, "threshold"), published.Cells![3]);
        Assert.AreEqual(new GridCell("cn", "approved", null, null, true, "secondary"), published.Cells[0]);
        Assert.AreEqual(new GridCell("cn", "declined", 0, 0, false, null), published.Cells[1]);
        Assert.AreEqual(new GridRowTotal("ru", null, null, true, "threshold"), published.RowTotals![1]);
        Assert.AreEqual(new GridColumnTotal("approved", null, null, true, "secondary"), published.ColumnTotals![0]);
        Assert.AreEqual(new GridTotal(67, 5, false, null), published.Total);
    }

    [TestMethod]
    public void Grid_dominance_hides_a_cell_owned_by_one_large_institution()
    {
        var view = Compute(Five(
            """{"risk.outcomes": {"cn": {"declined": 1000}, "ru": {"approved": 10}}}""",
            """{"risk.outcomes": {"cn": {"declined": 2}, "ru": {"approved": 10}}}""",
            """{"risk.outcomes": {"cn": {"declined": 2}, "ru": {"approved": 10}}}""",
            """{"risk.outcomes": {"cn": {"declined": 2}, "ru": {"approved": 10}}}""",
            """{"risk.outcomes": {"cn": {"declined": 2}, "ru": {"approved": 10}}}"""));
        var grid = view.Question("risk.outcomes");
        var cell = grid.Cells!.Single(c => c is { Row: "cn", Column: "declined" });
        Assert.AreEqual("dominance", cell.Reason);
        Assert.AreEqual(1008L, cell.Sum);
        Assert.AreEqual(5, cell.Contributors);
        Assert.AreEqual("dominance", grid.RowTotals![0].Reason);      // cn = 1008
        Assert.AreEqual("dominance", grid.ColumnTotals![1].Reason);   // declined = 1008
        Assert.AreEqual("dominance", grid.Total!.Reason);             // 1058, of which p1 holds 1010
        Assert.IsNull(grid.Cells!.Single(c => c is { Row: "ru", Column: "approved" }).Reason); // 5 × 10
    }

    [TestMethod]
    public void Publishing_is_idempotent()
    {
        var view = Compute(OneQuestion("governance.maturity", "1", "2", "3", "4", "5", "5"));
        var once = SectorViewJson.Serialize(PublishedForm.Of(view));
        var twice = SectorViewJson.Serialize(PublishedForm.Of(PublishedForm.Of(view)));
        Assert.AreSequenceEqual(once, twice);
    }
}
