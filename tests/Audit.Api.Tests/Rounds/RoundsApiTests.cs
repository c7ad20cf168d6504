using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Rounds;

[TestClass]
public sealed class RoundsApiTests
{
    internal static object RoundBody(string id, string version = "2023", string? baseline = null) => new
    {
        id,
        title = $"Audit kennisveiligheid {version} — universiteiten",
        questionnaire = new { key = "kennisveiligheid", version },
        baselineRoundId = baseline,
        opensAt = "2023-01-15T00:00:00Z",
        closesAt = "2023-04-01T00:00:00Z",
        disclosure = new { minGroupSize = 5, dominance = new { n = 2, k = 85 } },
    };

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient admin, string roundId, string status) =>
        await admin.PostAsJsonAsync($"/api/v1/rounds/{roundId}/status-changes", new { status });

    [TestMethod]
    public async Task Rounds_on_2023_and_2025_with_a_baseline_can_be_created_and_read()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var first = await admin.PostAsJsonAsync("/api/v1/rounds", RoundBody("2023-universiteiten"));
        var second = await admin.PostAsJsonAsync("/api/v1/rounds", RoundBody("2025-universiteiten", "2025", "2023-universiteiten"));

        Assert.AreEqual(HttpStatusCode.Created, first.StatusCode, await first.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.Created, second.StatusCode, await second.Content.ReadAsStringAsync());
        var round = await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/2025-universiteiten");
        Assert.AreEqual("draft", round.GetProperty("status").GetString());
        Assert.AreEqual("2023-universiteiten", round.GetProperty("baselineRoundId").GetString());
        Assert.AreEqual("2025", round.GetProperty("questionnaire").GetProperty("version").GetString());
        Assert.AreEqual(85, round.GetProperty("disclosure").GetProperty("dominance").GetProperty("k").GetDecimal());
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds");
        Assert.AreEqual(2, list.GetProperty("items").GetArrayLength());
    }

    [TestMethod]
    public async Task Every_invalid_field_of_a_round_is_reported_and_nothing_is_stored()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = "Not A Slug",
            title = "",
            questionnaire = new { key = "kennisveiligheid" },
            opensAt = "2023-04-01T00:00:00Z",
            closesAt = "2023-01-01T00:00:00Z",
            disclosure = new { minGroupSize = 1 },
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "id", "title", "questionnaire.version", "closesAt", "disclosure.minGroupSize" })
        {
            Assert.IsTrue(errors.TryGetProperty(field, out _), $"{field} missing from {errors}");
        }
        Assert.AreEqual(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds")).GetProperty("items").GetArrayLength());
    }

    [TestMethod]
    public async Task Unknown_questionnaire_or_baseline_is_a_400_and_a_duplicate_id_a_409()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/rounds", RoundBody("r-1", "1999")), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/rounds", RoundBody("r-2", "2023", "nope")), HttpStatusCode.BadRequest);
        Assert.AreEqual(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/rounds", RoundBody("r-3"))).StatusCode);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/rounds", RoundBody("r-3")), HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task A_round_walks_draft_open_closed_published_and_refuses_every_other_move_with_409()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/rounds", RoundBody("walk"));
        var path = new[] { "draft", "open", "closed", "published" };
        // A closed round may be reopened (deadline extended); nothing leaves published.
        var allowed = new Dictionary<string, string[]>
        {
            ["draft"] = ["open"], ["open"] = ["closed"], ["closed"] = ["open", "published"], ["published"] = [],
        };

        for (var i = 0; i < path.Length; i++)
        {
            foreach (var target in path.Where(t => !allowed[path[i]].Contains(t)))
            {
                var refused = await ChangeAsync(admin, "walk", target);
                var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
                Assert.Contains("Allowed", problem.GetProperty("detail").GetString()!);
                Assert.AreEqual(path[i], problem.GetProperty("currentStatus").GetString());
            }
            if (i + 1 < path.Length)
            {
                var moved = await ChangeAsync(admin, "walk", path[i + 1]);
                Assert.AreEqual(HttpStatusCode.OK, moved.StatusCode, await moved.Content.ReadAsStringAsync());
                Assert.AreEqual(path[i + 1], (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            }
        }
        var events = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-events?objectType=round&objectId=walk");
        Assert.AreEqual(4, events.GetProperty("total").GetInt32(), "created + three status changes");
    }

    [TestMethod]
    public async Task A_closed_round_can_be_reopened()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/rounds", RoundBody("again"));

        foreach (var status in new[] { "open", "closed", "open" })
        {
            Assert.AreEqual(HttpStatusCode.OK, (await ChangeAsync(admin, "again", status)).StatusCode, status);
        }
    }

    [TestMethod]
    public async Task An_unknown_status_is_a_400_and_an_unknown_round_a_404()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/rounds", RoundBody("r"));

        await ProblemAssert.IsProblemAsync(await ChangeAsync(admin, "r", "finished"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await ChangeAsync(admin, "nope", "open"), HttpStatusCode.NotFound);
    }
}
