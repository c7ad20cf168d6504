using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.CycleFindings;

/// <summary>
/// Audit cycles: a round names its cycle (validated, changed and cleared with If-Match, filtered on), and the bureau's
/// cycle summary is versioned, approved by a second analyst, withdrawn by a change, and invisible to the ministry.
/// </summary>
[TestClass]
public sealed class CycleFindingsApiTests
{
    private static object Round(string id, string? cycle) => new
    {
        id,
        title = "Audit kennisveiligheid " + id,
        cycle,
        questionnaire = new { key = "kennisveiligheid", version = "2023" },
        opensAt = "2023-03-01T08:00:00Z",
        closesAt = "2023-06-01T15:00:00Z",
    };

    private static HttpRequestMessage With(HttpMethod method, string url, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.AreEqual(status, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [TestMethod]
    public async Task A_rounds_cycle_is_validated_with_the_other_fields_changed_cleared_and_filtered_on()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var invalid = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/rounds", new { id = "Bad Id", cycle = "Cyclus 2023!" }), HttpStatusCode.BadRequest);
        var fields = invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.IsTrue(fields.IsSupersetOf(["id", "title", "cycle", "opensAt", "closesAt"]), string.Join(", ", fields));
        Assert.AreEqual(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds")).GetProperty("total").GetInt32(), "nothing stored");

        Assert.AreEqual("2023", (await JsonAsync(await admin.PostAsJsonAsync("/api/v1/rounds", Round("c-uni", "2023")), HttpStatusCode.Created)).GetProperty("cycle").GetString());
        var hbo = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/rounds", Round("c-hbo", null)), HttpStatusCode.Created);
        Assert.AreEqual(JsonValueKind.Null, hbo.GetProperty("cycle").ValueKind);

        var badChange = await ProblemAssert.IsProblemAsync(await admin.SendAsync(With(HttpMethod.Patch, "/api/v1/rounds/c-hbo", new { cycle = "-2023" }, "\"1\"")), HttpStatusCode.BadRequest);
        Assert.IsTrue(badChange.GetProperty("errors").TryGetProperty("cycle", out _));
        Assert.AreEqual("2023", (await JsonAsync(await admin.SendAsync(With(HttpMethod.Patch, "/api/v1/rounds/c-hbo", new { cycle = "2023" }, "\"1\"")))).GetProperty("cycle").GetString());
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds?cycle=2023");
        Assert.AreEqual(2, listed.GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(await admin.GetAsync("/api/v1/rounds?cycle=..%2F"), HttpStatusCode.BadRequest);

        var cleared = await JsonAsync(await admin.SendAsync(With(HttpMethod.Patch, "/api/v1/rounds/c-uni", new { cycle = "" }, "\"1\"")));
        Assert.AreEqual(JsonValueKind.Null, cleared.GetProperty("cycle").ValueKind, "an empty cycle takes the round out of its cycle");
        Assert.AreEqual(1, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds?cycle=2023")).GetProperty("total").GetInt32());
    }

    [TestMethod]
    public async Task The_cycle_summary_is_versioned_approved_by_a_second_analyst_and_invisible_to_the_ministry()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        using var colleague = await app.ClientForAsync(Role.Analyst);
        using var ministry = await app.ClientForAsync(Role.Ministry);
        await JsonAsync(await admin.PostAsJsonAsync("/api/v1/rounds", Round("c-uni", "2023")), HttpStatusCode.Created);
        const string url = "/api/v1/cycles/2023/findings";

        Assert.AreEqual(HttpStatusCode.NotFound, (await analyst.GetAsync(url)).StatusCode, "nothing written yet");
        await ProblemAssert.IsProblemAsync(await analyst.PutAsJsonAsync("/api/v1/cycles/2019/findings", new { summary = "x" }), HttpStatusCode.NotFound);
        var invalid = await ProblemAssert.IsProblemAsync(await analyst.PutAsJsonAsync(url, new { summary = " " }), HttpStatusCode.BadRequest);
        Assert.IsTrue(invalid.GetProperty("errors").TryGetProperty("summary", out _));
        await ProblemAssert.IsProblemAsync(await analyst.PutAsJsonAsync(url, new { summary = new string('x', 20_001) }), HttpStatusCode.BadRequest);
        Assert.AreEqual(HttpStatusCode.NotFound, (await analyst.GetAsync(url)).StatusCode, "a refused save wrote nothing");

        var first = await analyst.PutAsJsonAsync(url, new { summary = "De **kennissector** heeft <script>alert(1)</script> stappen gezet." });
        Assert.AreEqual("\"1\"", first.Headers.ETag?.Tag);
        Assert.AreEqual("draft", (await JsonAsync(first)).GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await analyst.PutAsJsonAsync(url, new { summary = "Zonder versie." }), HttpStatusCode.PreconditionRequired);
        await ProblemAssert.IsProblemAsync(await analyst.SendAsync(With(HttpMethod.Put, url, new { summary = "Oud." }, "\"4\"")), HttpStatusCode.PreconditionFailed);

        await ProblemAssert.IsProblemAsync(await analyst.SendAsync(With(HttpMethod.Post, url + "/approvals", null, "\"1\"")), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await colleague.SendAsync(With(HttpMethod.Post, url + "/approvals", null, null)), HttpStatusCode.PreconditionRequired);
        var approved = await JsonAsync(await colleague.SendAsync(With(HttpMethod.Post, url + "/approvals", null, "\"1\"")));
        Assert.AreEqual("approved", approved.GetProperty("status").GetString());
        Assert.AreEqual(app.UserIds[colleague], approved.GetProperty("approvedBy").GetString());

        var changed = await JsonAsync(await colleague.SendAsync(With(HttpMethod.Put, url, new { summary = "Gewijzigd." }, "\"1\"")));
        Assert.AreEqual("changed", changed.GetProperty("status").GetString(), "a change withdraws the approval");
        Assert.AreEqual(2, changed.GetProperty("version").GetInt32());

        foreach (var attempt in new[]
                 {
                     ministry.GetAsync(url), ministry.SendAsync(With(HttpMethod.Put, url, new { summary = "M." }, "\"2\"")),
                     ministry.SendAsync(With(HttpMethod.Post, url + "/approvals", null, "\"2\"")),
                 })
        {
            await ProblemAssert.IsProblemAsync(await attempt, HttpStatusCode.NotFound);
        }
        Assert.AreEqual("Gewijzigd.", (await JsonAsync(await analyst.GetAsync(url))).GetProperty("summary").GetString());
        var events = await app.Services.GetRequiredService<IAuditEventRepository>().QueryAsync(new AuditEventQuery(ObjectId: "2023"), new PageRequest(1, 50));
        Assert.AreEqual(2, events.Items.Count(e => e.Action == "cycle-findings.saved"));
        Assert.ContainsSingle(events.Items.Where(e => e.Action == "cycle-findings.approved"));
    }
}
