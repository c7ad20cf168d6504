using System.Text;
using System.Text.Json;
using Audit.Core.Disclosure;
using Audit.Core.SectorViews;
using static Audit.Core.Tests.SectorViews.SectorViewFixture;

namespace Audit.Core.Tests.SectorViews;

[TestClass]
public sealed class JsonShapeTests
{
    private static JsonElement QuestionJson(JsonElement view, string key) =>
        view.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == key);

    private static string[] Fields(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [TestMethod]
    public void The_view_has_the_field_names_of_issue_6_in_camel_case()
    {
        var json = ToJson(GoldenJsonTests.SmallView());
        Assert.AreSequenceEqual(
            new[]
            {
                "roundId", "institutionType", "questionnaire", "view", "computedAt", "fingerprint", "response",
                "included", "suppressed", "reason", "themes", "questions", "trend",
            },
            Fields(json));
        Assert.AreSequenceEqual(new[] { "key", "version" }, Fields(json.GetProperty("questionnaire")));
        Assert.AreSequenceEqual(
            new[] { "invited", "inProgress", "submitted", "returned", "accepted", "responseRate" },
            Fields(json.GetProperty("response")));
        Assert.AreSequenceEqual(
            new[] { "key", "norm", "n", "mean", "median", "q1", "q3", "meetsNorm", "suppressed", "reason" },
            Fields(json.GetProperty("themes")[0]));
        Assert.AreEqual("2026-11-22T10:00:00Z", json.GetProperty("computedAt").GetString());
        Assert.StartsWith("sha256:", json.GetProperty("fingerprint").GetString()!);
    }

    [TestMethod]
    public void Each_question_type_carries_only_its_own_fields()
    {
        var json = ToJson(GoldenJsonTests.SmallView());
        string[] common = ["key", "type", "answered", "notApplicable"];
        string[] tail = ["suppressed", "reason"];

        Assert.AreSequenceEqual(
            [.. common, "mean", "median", "q1", "q3", "min", "max", "distribution", "meetsNorm", .. tail],
            Fields(QuestionJson(json, "governance.maturity")));
        Assert.AreSequenceEqual(
            [.. common, "mean", "median", "q1", "q3", "min", "max", "meetsNorm", .. tail],
            Fields(QuestionJson(json, "risk.partners")));
        Assert.AreSequenceEqual([.. common, "distribution", "meetsNorm", .. tail], Fields(QuestionJson(json, "governance.policy")));
        Assert.AreSequenceEqual([.. common, "distribution", "meetsNorm", .. tail], Fields(QuestionJson(json, "risk.screening")));
        Assert.AreSequenceEqual([.. common, "distribution", .. tail], Fields(QuestionJson(json, "risk.countries")));
        Assert.AreSequenceEqual(
            [.. common, "cells", "rowTotals", "columnTotals", "total", .. tail],
            Fields(QuestionJson(json, "risk.outcomes")));
        Assert.AreSequenceEqual([.. common, .. tail], Fields(QuestionJson(json, "risk.notes")));

        var grid = QuestionJson(json, "risk.outcomes");
        Assert.AreSequenceEqual(new[] { "row", "column", "sum", "contributors", "suppressed", "reason" }, Fields(grid.GetProperty("cells")[0]));
        Assert.AreSequenceEqual(new[] { "row", "sum", "contributors", "suppressed", "reason" }, Fields(grid.GetProperty("rowTotals")[0]));
        Assert.AreSequenceEqual(new[] { "column", "sum", "contributors", "suppressed", "reason" }, Fields(grid.GetProperty("columnTotals")[0]));
        Assert.AreSequenceEqual(new[] { "sum", "contributors", "suppressed", "reason" }, Fields(grid.GetProperty("total")));
        Assert.AreSequenceEqual(
            new[] { "option", "count", "percent" },
            Fields(QuestionJson(json, "governance.maturity").GetProperty("distribution")[0]));
        Assert.AreSequenceEqual(new[] { "count", "percent" }, Fields(QuestionJson(json, "governance.maturity").GetProperty("meetsNorm")));
    }

    [TestMethod]
    public void Numbers_are_written_with_a_fixed_scale()
    {
        var raw = Encoding.UTF8.GetString(SectorViewJson.Serialize(GoldenJsonTests.SmallView()));
        Assert.Contains("\"option\":\"0\",\"count\":0,\"percent\":0.0", raw);
        Assert.Contains("\"responseRate\":71.4", raw);
        Assert.DoesNotContain(".00", raw);
    }

    [TestMethod]
    public void A_view_round_trips_through_its_json()
    {
        foreach (var view in new[] { GoldenJsonTests.SmallView(), PublishedForm.Of(GoldenJsonTests.SmallView()) })
        {
            var bytes = SectorViewJson.Serialize(view);
            var again = SectorViewJson.Serialize(SectorViewJson.Deserialize(bytes));
            Assert.AreSequenceEqual(bytes, again);
            Assert.AreEqual(view.Fingerprint, SectorViewJson.Deserialize(Encoding.UTF8.GetString(bytes)).Fingerprint);
        }
    }

    [TestMethod]
    public void Timestamps_are_written_in_utc()
    {
        var view = GoldenJsonTests.SmallView() with { ComputedAt = new DateTimeOffset(2026, 11, 22, 11, 0, 0, 500, TimeSpan.FromHours(1)) };
        Assert.AreEqual("2026-11-22T10:00:00.5Z", ToJson(view).GetProperty("computedAt").GetString());
    }
}
