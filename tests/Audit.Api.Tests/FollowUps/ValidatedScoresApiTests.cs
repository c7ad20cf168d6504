using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.SectorViews;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;
using static Audit.Api.Tests.FollowUps.FollowUpWorld;

namespace Audit.Api.Tests.FollowUps;

/// <summary>
/// The bureau's validated score through the life of a participation: refused before submission, validated, versioned,
/// marking the sector dirty after acceptance, refused once the round is published; and follow-ups freeze at submission.
/// </summary>
[TestClass]
public sealed class ValidatedScoresApiTests
{
    private static string ScoreUrl(string participationId, string theme) => $"/api/v1/participations/{participationId}/validated-scores/{theme}";

    private static string ScoresUrl(string participationId) => $"/api/v1/participations/{participationId}/validated-scores";

    [TestMethod]
    public async Task A_validated_score_is_recorded_while_reviewing_or_after_acceptance_and_follow_ups_freeze_at_submission()
    {
        await using var app = new AuditApp();
        var w = await FollowUpWorld.CreateAsync(app);
        var url = ScoreUrl(w.OwnCurrent, "governance");
        var valid = new { score = 3.5, justification = "Beleid aanwezig, uitvoering deels aangetoond." };

        var early = await ProblemAssert.IsProblemAsync(await w.Analyst.SendAsync(Put(url, valid)), HttpStatusCode.Conflict);
        Assert.Contains("accept", early.GetProperty("detail").GetString()!);

        Assert.AreEqual(HttpStatusCode.OK, (await w.Own.SendAsync(Put(ItemUrl(w.OwnCurrent, "governance"), new { status = "implemented" }))).StatusCode);
        // Every recommendation needs its follow-up before the questionnaire can be submitted.
        Assert.AreEqual(HttpStatusCode.OK, (await w.Own.SendAsync(Put(ItemUrl(w.OwnCurrent, "risicoanalyse"), new { status = "not_started" }))).StatusCode);
        await FillAndSubmitAsync(w.Own, w.OwnCurrent, await QuestionnaireAsync(app, "2025"));
        await ProblemAssert.IsProblemAsync(await w.Own.SendAsync(Put(ItemUrl(w.OwnCurrent, "governance"), new { status = "not_started" }, "\"1\"")), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await w.Own.SendAsync(Put(ItemUrl(w.OwnCurrent, "risicoanalyse"), new { status = "not_started" })), HttpStatusCode.Conflict);

        var empty = await ProblemAssert.IsProblemAsync(await w.Analyst.SendAsync(Put(url, new { })), HttpStatusCode.BadRequest);
        Assert.AreSequenceEqual(new[] { "justification", "score" }, empty.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        foreach (var bad in new object[] { new { score = 3.55, justification = "x" }, new { score = 5.1, justification = "x" }, new { score = -0.1, justification = "x" } })
        {
            var refused = await ProblemAssert.IsProblemAsync(await w.Analyst.SendAsync(Put(url, bad)), HttpStatusCode.BadRequest);
            Assert.AreSequenceEqual(new[] { "score" }, refused.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        }
        await ProblemAssert.IsProblemAsync(await w.Analyst.SendAsync(Put(ScoreUrl(w.OwnCurrent, "onbekend"), valid)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await w.Own.SendAsync(Put(url, valid)), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await w.Other.GetAsync(ScoresUrl(w.OwnCurrent)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await w.Own.GetAsync(ScoresUrl(w.OwnCurrent)), HttpStatusCode.Forbidden);

        var first = await w.Analyst.SendAsync(Put(url, valid));
        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode, await first.Content.ReadAsStringAsync());
        Assert.AreEqual("\"1\"", first.Headers.ETag?.ToString());
        await ProblemAssert.IsProblemAsync(await w.Analyst.SendAsync(Put(url, valid)), HttpStatusCode.PreconditionRequired);
        await ProblemAssert.IsProblemAsync(await w.Analyst.SendAsync(Put(url, valid, "\"4\"")), HttpStatusCode.PreconditionFailed);

        Assert.AreEqual(HttpStatusCode.OK, (await ReviewAsync(w.Analyst, w.OwnCurrent, "accept")).StatusCode);
        var dirty = app.Services.GetRequiredService<ISectorDirtyRepository>();
        foreach (var mark in await dirty.ListAsync())
        {
            await dirty.ClearIfUnchangedAsync(mark.RoundId, mark.InstitutionType, mark.Seq);
        }
        var second = await w.Analyst.SendAsync(Put(url, new { score = 4, justification = "Na aanvullend bewijs." }, "\"1\""));
        Assert.AreEqual(HttpStatusCode.OK, second.StatusCode, await second.Content.ReadAsStringAsync());
        Assert.Contains(m => m.RoundId == Current, await dirty.ListAsync(), "a change after acceptance owes a recompute");

        var sheet = await w.Analyst.GetFromJsonAsync<JsonElement>(ScoresUrl(w.OwnCurrent));
        var governance = sheet.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("themeKey").GetString() == "governance");
        Assert.AreEqual(4.0m, governance.GetProperty("score").GetDecimal());
        Assert.AreEqual(2, governance.GetProperty("version").GetInt32());
        Assert.AreEqual(JsonValueKind.Number, governance.GetProperty("selfAssessed").ValueKind);
    }
}
