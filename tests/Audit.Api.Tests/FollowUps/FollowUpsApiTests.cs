using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using static Audit.Api.Tests.FollowUps.FollowUpWorld;

namespace Audit.Api.Tests.FollowUps;

/// <summary>
/// The follow-up of the baseline round's recommendations over the API: who sees which, validation of every field,
/// ETag/If-Match like answers. The world is built once; no test here submits.
/// </summary>
[TestClass]
public sealed class FollowUpsApiTests
{
    private static AuditApp _app = null!;
    private static FollowUpWorld _w = null!;

    [ClassInitialize]
    public static async Task CreateAsync(TestContext _)
    {
        _app = new AuditApp();
        _w = await FollowUpWorld.CreateAsync(_app);
    }

    [ClassCleanup]
    public static async Task CleanUpAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.AreEqual(status, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [TestMethod]
    public async Task The_institution_and_the_bureau_see_the_baseline_recommendations_and_nobody_else_does()
    {
        var own = await JsonAsync(await _w.Own.GetAsync(ListUrl(_w.OwnCurrent)));
        Assert.AreEqual(Baseline, own.GetProperty("baselineRoundId").GetString());
        Assert.AreEqual($"Round {Baseline}", own.GetProperty("baselineTitle").GetString());
        var items = own.GetProperty("items").EnumerateArray().ToList();
        Assert.AreSequenceEqual(new[] { "governance", "risicoanalyse" }, items.Select(i => i.GetProperty("recommendationId").GetString()).ToArray(),
            "one per theme with a recommendation; personeel had none");
        Assert.AreEqual("Wijs een portefeuillehouder kennisveiligheid aan.", items[0].GetProperty("recommendation").GetString());
        Assert.AreEqual(JsonValueKind.Null, items[0].GetProperty("status").ValueKind);

        var bureau = await JsonAsync(await _w.Analyst.GetAsync(ListUrl(_w.OwnCurrent)));
        Assert.AreEqual(2, bureau.GetProperty("items").GetArrayLength());
        var vu = await JsonAsync(await _w.Other.GetAsync(ListUrl(_w.OtherCurrent)));
        Assert.AreEqual(0, vu.GetProperty("items").GetArrayLength(), "vu had no recommendations");

        await ProblemAssert.IsProblemAsync(await _w.Other.GetAsync(ListUrl(_w.OwnCurrent)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _w.Other.GetAsync(ItemUrl(_w.OwnCurrent, "governance")), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _w.Other.SendAsync(Put(ItemUrl(_w.OwnCurrent, "governance"), new { status = "implemented" })), HttpStatusCode.NotFound);
        Assert.AreNotEqual(HttpStatusCode.OK, (await _w.Ministry.GetAsync(ListUrl(_w.OwnCurrent))).StatusCode);
        await ProblemAssert.IsProblemAsync(await _w.Own.GetAsync(ItemUrl(_w.OwnCurrent, "bewustzijn")), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _w.Analyst.SendAsync(Put(ItemUrl(_w.OwnCurrent, "governance"), new { status = "implemented" })), HttpStatusCode.Forbidden);
    }

    [TestMethod]
    public async Task Validation_lists_every_invalid_field_and_stores_nothing()
    {
        var url = ItemUrl(_w.OwnCurrent, "risicoanalyse");
        var both = await ProblemAssert.IsProblemAsync(await _w.Own.SendAsync(Put(url, new { status = "done", reason = new string('x', 2001) })), HttpStatusCode.BadRequest);
        var fields = both.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.AreSequenceEqual(new[] { "reason", "status" }, fields.Order(StringComparer.Ordinal).ToArray());

        var noReason = await ProblemAssert.IsProblemAsync(await _w.Own.SendAsync(Put(url, new { status = "not_applicable", reason = "  " })), HttpStatusCode.BadRequest);
        Assert.AreSequenceEqual(new[] { "reason" }, noReason.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());

        var item = await JsonAsync(await _w.Own.GetAsync(url));
        Assert.AreEqual(JsonValueKind.Null, item.GetProperty("status").ValueKind, "a refused write changes nothing");
    }

    [TestMethod]
    public async Task A_follow_up_is_versioned_like_an_answer()
    {
        var url = ItemUrl(_w.OwnCurrent, "governance");
        var first = await _w.Own.SendAsync(Put(url, new { status = "in_progress", reason = "Benoeming loopt." }));
        var saved = await JsonAsync(first);
        Assert.AreEqual("\"1\"", first.Headers.ETag?.ToString());
        Assert.AreEqual("in_progress", saved.GetProperty("status").GetString());

        var required = await ProblemAssert.IsProblemAsync(await _w.Own.SendAsync(Put(url, new { status = "implemented" })), HttpStatusCode.PreconditionRequired);
        Assert.AreEqual(1, required.GetProperty("current").GetProperty("version").GetInt32());
        await ProblemAssert.IsProblemAsync(await _w.Own.SendAsync(Put(url, new { status = "implemented" }, "\"7\"")), HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(await _w.Own.SendAsync(Put(url, new { status = "implemented" }, "not-a-tag")), HttpStatusCode.BadRequest);

        var second = await _w.Own.SendAsync(Put(url, new { status = "not_applicable", reason = "Opgegaan in het nieuwe bestuursmodel." }, "\"1\""));
        Assert.AreEqual(2, (await JsonAsync(second)).GetProperty("version").GetInt32());

        var read = await _w.Analyst.GetAsync(url);
        var body = await JsonAsync(read);
        Assert.AreEqual("\"2\"", read.Headers.ETag?.ToString());
        Assert.AreEqual("not_applicable", body.GetProperty("status").GetString());
        Assert.AreEqual("Opgegaan in het nieuwe bestuursmodel.", body.GetProperty("reason").GetString());
        var list = await JsonAsync(await _w.Own.GetAsync(ListUrl(_w.OwnCurrent)));
        Assert.IsLessThanOrEqualTo(1, list.GetProperty("missing").GetInt32());
    }
}
