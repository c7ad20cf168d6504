using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Rounds;

/// <summary>Issue 17: a round with a reference date and participants, changed with If-Match while draft or open.</summary>
[TestClass]
public sealed class RoundChangesApiTests
{
    private static object Body(string id, string? referenceDate = "2025-01-01", string? participantsFrom = null, string[]? types = null) => new
    {
        id,
        title = "Audit kennisveiligheid 2025",
        questionnaire = new { key = "kennisveiligheid", version = "2023" },
        opensAt = "2025-01-15T08:00:00Z",
        closesAt = "2025-04-01T15:00:00Z",
        referenceDate,
        participantsFrom,
        institutionTypes = types,
    };

    private static HttpRequestMessage Patch(string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    private static async Task<int> CountAsync(HttpClient client, string roundId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{roundId}/participations")).GetProperty("total").GetInt32();

    [TestMethod]
    public async Task A_round_is_created_with_a_reference_date_for_all_universities_and_another_copies_its_institutions()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var created = await admin.PostAsJsonAsync("/api/v1/rounds", Body("r-2025", types: ["universiteit"]));
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        Assert.IsNotNull(created.Headers.ETag);
        var round = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("2025-01-01", round.GetProperty("referenceDate").GetString());
        Assert.AreEqual(14, await CountAsync(admin, "r-2025"));

        var copy = await admin.PostAsJsonAsync("/api/v1/rounds", Body("r-2027", referenceDate: null, participantsFrom: "r-2025"));
        Assert.AreEqual(HttpStatusCode.Created, copy.StatusCode, await copy.Content.ReadAsStringAsync());
        Assert.AreEqual(JsonValueKind.Null, (await copy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referenceDate").ValueKind);
        Assert.AreEqual(14, await CountAsync(admin, "r-2027"));
    }

    [TestMethod]
    public async Task An_unknown_source_round_and_type_are_listed_with_every_other_invalid_field_and_nothing_is_stored()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = "Bad Id", title = " ", questionnaire = new { key = "kennisveiligheid" },
            opensAt = "2025-04-01T00:00:00Z", closesAt = "2025-01-01T00:00:00Z",
            participantsFrom = "nope", institutionTypes = new[] { "kasteel" },
        });

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "id", "title", "questionnaire.version", "closesAt", "participantsFrom", "institutionTypes" })
        {
            Assert.IsTrue(errors.TryGetProperty(field, out _), $"{field} missing from {errors}");
        }
        Assert.AreEqual(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds")).GetProperty("total").GetInt32());
    }

    [TestMethod]
    public async Task A_change_needs_the_current_version_and_then_extends_the_deadline()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/rounds", Body("r"));
        var etag = (await admin.GetAsync("/api/v1/rounds/r")).Headers.ETag!.Tag;
        var change = new { title = "Nieuwe titel", closesAt = "2025-05-01T15:00:00Z", referenceDate = "2025-02-01" };

        await ProblemAssert.IsProblemAsync(await admin.SendAsync(Patch("/api/v1/rounds/r", change)), HttpStatusCode.PreconditionRequired);
        var stale = await ProblemAssert.IsProblemAsync(await admin.SendAsync(Patch("/api/v1/rounds/r", change, "\"99\"")), HttpStatusCode.PreconditionFailed);
        Assert.AreEqual("Audit kennisveiligheid 2025", stale.GetProperty("current").GetProperty("title").GetString());
        await ProblemAssert.IsProblemAsync(await admin.SendAsync(Patch("/api/v1/rounds/r", change, "not a tag")), HttpStatusCode.BadRequest);

        var saved = await admin.SendAsync(Patch("/api/v1/rounds/r", change, etag));
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreNotEqual(etag, saved.Headers.ETag!.Tag);
        var round = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("Nieuwe titel", round.GetProperty("title").GetString());
        Assert.AreEqual(new DateTimeOffset(2025, 5, 1, 15, 0, 0, TimeSpan.Zero), round.GetProperty("closesAt").GetDateTimeOffset());
        Assert.AreEqual("2025-02-01", round.GetProperty("referenceDate").GetString());
        // The same version again is now stale: a second writer cannot overwrite the first.
        await ProblemAssert.IsProblemAsync(await admin.SendAsync(Patch("/api/v1/rounds/r", change, etag)), HttpStatusCode.PreconditionFailed);
        var events = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-events?objectType=round&objectId=r");
        Assert.AreEqual(2, events.GetProperty("total").GetInt32(), "created + changed");
    }

    [TestMethod]
    public async Task A_change_lists_every_invalid_field_and_is_refused_outside_draft_or_open_and_outside_scope()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        await admin.PostAsJsonAsync("/api/v1/rounds", Body("r"));
        var etag = (await admin.GetAsync("/api/v1/rounds/r")).Headers.ETag!.Tag;

        var invalid = await admin.SendAsync(Patch("/api/v1/rounds/r", new { title = "", closesAt = "2024-01-01T00:00:00Z" }, etag));
        var errors = (await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.IsTrue(errors.TryGetProperty("title", out _), errors.ToString());
        Assert.IsTrue(errors.TryGetProperty("closesAt", out _), errors.ToString());
        await ProblemAssert.IsProblemAsync(await admin.SendAsync(Patch("/api/v1/rounds/nope", new { title = "x" }, "\"1\"")), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await analyst.SendAsync(Patch("/api/v1/rounds/r", new { title = "x" }, etag)), HttpStatusCode.Forbidden);

        await admin.PostAsJsonAsync("/api/v1/rounds/r/status-changes", new { status = "open" });
        await admin.PostAsJsonAsync("/api/v1/rounds/r/status-changes", new { status = "closed" });
        var closedTag = (await admin.GetAsync("/api/v1/rounds/r")).Headers.ETag!.Tag;
        await ProblemAssert.IsProblemAsync(await admin.SendAsync(Patch("/api/v1/rounds/r", new { title = "x" }, closedTag)), HttpStatusCode.Conflict);
        Assert.AreEqual("Audit kennisveiligheid 2025", (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r")).GetProperty("title").GetString());
    }
}
