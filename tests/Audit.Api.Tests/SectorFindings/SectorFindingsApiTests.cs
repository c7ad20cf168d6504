using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Reports;
using Audit.Api.Tests.Rounds;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.SectorFindings;

/// <summary>
/// The sector findings API: validation lists every field, saves are versioned with If-Match, a second analyst approves
/// (never the author of the version), a change withdraws the approval, the ministry is told there is nothing, and
/// publishing waits for approved findings.
/// </summary>
[TestClass]
public sealed class SectorFindingsApiTests
{
    private static string Url(string roundId, string type = "universiteit") => $"/api/v1/rounds/{roundId}/sector-views/{type}/findings";

    private static object Body(string summary, string findings = "De sector **doet** het goed.") => new
    {
        summary,
        themes = new[] { new { themeKey = "governance", findings, conclusions = "- een\n- twee", recommendations = (string?)null, illustrations = (string?)null } },
    };

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient client, string url, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url + "/approvals");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.AreEqual(status, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [TestMethod]
    public async Task A_save_lists_every_invalid_field_and_writes_nothing()
    {
        await using var world = await ReportWorld.CreateAsync("2023-sf-validation");
        var url = Url(world.RoundId);
        var tooLong = new string('x', 20_001);

        var response = await PutAsync(world.Analyst, url, new
        {
            summary = " ",
            themes = new object?[]
            {
                new { themeKey = "unknown", findings = "", conclusions = tooLong, recommendations = tooLong, illustrations = tooLong },
                null,
                new { themeKey = "governance", findings = "a" },
                new { themeKey = "governance", findings = "b" },
            },
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var keys = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.AreSequenceEqual(new[]
        {
            "summary", "themes[0].conclusions", "themes[0].findings", "themes[0].illustrations", "themes[0].recommendations", "themes[0].themeKey",
            "themes[1].findings", "themes[1].themeKey", "themes[3].themeKey",
        }, keys);
        Assert.AreEqual(HttpStatusCode.NotFound, (await world.Analyst.GetAsync(url)).StatusCode, "a refused save wrote nothing");
        var noThemes = await ProblemAssert.IsProblemAsync(await PutAsync(world.Analyst, url, new { summary = "s" }), HttpStatusCode.BadRequest);
        Assert.IsTrue(noThemes.GetProperty("errors").TryGetProperty("themes", out _));
        Assert.AreEqual(HttpStatusCode.NotFound, (await PutAsync(world.Analyst, Url(world.RoundId, "geen_type"), Body("s"))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await PutAsync(world.Analyst, Url("2023-nope"), Body("s"))).StatusCode);
    }

    [TestMethod]
    public async Task Saves_are_versioned_with_If_Match_and_the_ministry_is_told_there_is_nothing()
    {
        await using var world = await ReportWorld.CreateAsync("2023-sf-versions");
        var url = Url(world.RoundId);

        var first = await PutAsync(world.Analyst, url, Body("Eerste versie."));
        var saved = await JsonAsync(first);
        Assert.AreEqual("\"1\"", first.Headers.ETag?.Tag);
        Assert.AreEqual(1, saved.GetProperty("version").GetInt32());
        Assert.AreEqual("draft", saved.GetProperty("status").GetString());
        Assert.AreEqual("- een\n- twee", saved.GetProperty("themes")[0].GetProperty("conclusions").GetString());

        var required = await ProblemAssert.IsProblemAsync(await PutAsync(world.Analyst, url, Body("Zonder versie.")), HttpStatusCode.PreconditionRequired);
        Assert.AreEqual(1, required.GetProperty("current").GetProperty("version").GetInt32());
        await ProblemAssert.IsProblemAsync(await PutAsync(world.Analyst, url, Body("Oud."), "\"7\""), HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(await PutAsync(world.Analyst, url, Body("Fout."), "7"), HttpStatusCode.BadRequest);
        var second = await JsonAsync(await PutAsync(world.Admin, url, Body("Tweede versie."), "\"1\""));
        Assert.AreEqual(2, second.GetProperty("version").GetInt32());

        var read = await world.Analyst.GetAsync(url);
        Assert.AreEqual("\"2\"", read.Headers.ETag?.Tag);
        Assert.AreEqual("Tweede versie.", (await JsonAsync(read)).GetProperty("summary").GetString());
        foreach (var attempt in new[]
                 {
                     world.Ministry.GetAsync(url), PutAsync(world.Ministry, url, Body("Ministerie."), "\"2\""), ApproveAsync(world.Ministry, url, "\"2\""),
                 })
        {
            await ProblemAssert.IsProblemAsync(await attempt, HttpStatusCode.NotFound);
        }
        Assert.AreEqual(HttpStatusCode.Forbidden, (await world.OwnRespondent.GetAsync(url)).StatusCode);
        Assert.AreEqual("Tweede versie.", (await JsonAsync(await world.Analyst.GetAsync(url))).GetProperty("summary").GetString());
        var events = await world.App.Services.GetRequiredService<IAuditEventRepository>()
            .QueryAsync(new AuditEventQuery(ObjectId: $"{world.RoundId}/universiteit"), new PageRequest(1, 50));
        Assert.AreEqual(2, events.Items.Count(e => e.Action == "sector-findings.saved"));
    }

    [TestMethod]
    public async Task A_second_analyst_approves_the_author_cannot_and_a_change_withdraws_the_approval()
    {
        await using var world = await ReportWorld.CreateAsync("2023-sf-approval");
        var colleague = await world.App.ClientForAsync(Role.Analyst);
        var url = Url(world.RoundId);
        await JsonAsync(await PutAsync(world.Analyst, url, Body("Te keuren.")));

        await ProblemAssert.IsProblemAsync(await ApproveAsync(world.Analyst, url, "\"1\""), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await ApproveAsync(colleague, url, null), HttpStatusCode.PreconditionRequired);
        await ProblemAssert.IsProblemAsync(await ApproveAsync(colleague, url, "\"2\""), HttpStatusCode.PreconditionFailed);
        Assert.AreEqual("draft", (await JsonAsync(await world.Analyst.GetAsync(url))).GetProperty("status").GetString(), "refused approvals change nothing");

        var approved = await JsonAsync(await ApproveAsync(colleague, url, "\"1\""));
        Assert.AreEqual("approved", approved.GetProperty("status").GetString());
        Assert.AreEqual(world.App.UserIds[colleague], approved.GetProperty("approvedBy").GetString());
        await ProblemAssert.IsProblemAsync(await ApproveAsync(colleague, url, "\"1\""), HttpStatusCode.Conflict);

        var changed = await JsonAsync(await PutAsync(colleague, url, Body("Gewijzigd na goedkeuring."), "\"1\""));
        Assert.AreEqual("changed", changed.GetProperty("status").GetString(), "a change withdraws the approval");
        Assert.AreEqual(1, changed.GetProperty("approvedVersion").GetInt32());
        await ProblemAssert.IsProblemAsync(await ApproveAsync(colleague, url, "\"2\""), HttpStatusCode.Forbidden);
        var again = await JsonAsync(await ApproveAsync(world.Analyst, url, "\"2\""));
        Assert.AreEqual("approved", again.GetProperty("status").GetString(), "the first author may approve a colleague's later version");
    }

    [TestMethod]
    public async Task Publishing_is_refused_until_every_published_sector_has_approved_findings()
    {
        await using var world = await PublicationWorld.ClosedAsync("2023-sf-publish");
        var analyst = world.World.Analyst;
        var colleague = await world.World.App.ClientForAsync(Role.Analyst);
        var url = Url(world.RoundId);

        var preview = await world.PreviewAsync();
        Assert.IsFalse(preview.GetProperty("canPublish").GetBoolean());
        Assert.AreEqual("universiteit", preview.GetProperty("findingsMissing")[0].GetString());
        var refused = await ProblemAssert.IsProblemAsync(await world.PublishWithoutFindingsAsync(), HttpStatusCode.Conflict);
        Assert.AreEqual("universiteit", refused.GetProperty("findingsMissing")[0].GetString());

        await JsonAsync(await PutAsync(analyst, url, Body("Concept.")));
        await ProblemAssert.IsProblemAsync(await world.PublishWithoutFindingsAsync(), HttpStatusCode.Conflict);
        Assert.AreEqual("closed", await world.StatusAsync(), "a draft is not enough");

        await JsonAsync(await ApproveAsync(colleague, url, "\"1\""));
        Assert.IsTrue((await world.PreviewAsync()).GetProperty("canPublish").GetBoolean());
        Assert.AreEqual(HttpStatusCode.OK, (await world.PublishWithoutFindingsAsync()).StatusCode);
        await ProblemAssert.IsProblemAsync(await PutAsync(analyst, url, Body("Na publicatie."), "\"1\""), HttpStatusCode.Conflict);
    }
}
