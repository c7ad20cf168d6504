using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Access;

/// <summary>The endpoints behind the users and audit log pages: a user's live tokens, the action filter and the CSV export.</summary>
[TestClass]
public sealed class AdminApiTests
{
    [TestMethod]
    public async Task A_users_live_tokens_are_listed_without_their_values_and_a_revoked_one_is_gone()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var user = await (await admin.PostAsJsonAsync("/api/v1/users", new { name = "Ada", email = "ada@bureau.test", role = "analyst" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = user.GetProperty("id").GetString();
        var token = await (await admin.PostAsJsonAsync($"/api/v1/users/{id}/tokens", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var tokenId = token.GetProperty("id").GetString();

        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}/tokens");
        var item = listed.GetProperty("items")[0];
        Assert.AreEqual(tokenId, item.GetProperty("id").GetString());
        Assert.AreEqual("pat", item.GetProperty("kind").GetString());
        Assert.DoesNotContain(token.GetProperty("token").GetString()!, listed.GetRawText());

        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/users/{id}/tokens/{tokenId}")).StatusCode);
        Assert.AreEqual(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}/tokens")).GetProperty("items").GetArrayLength());
        await ProblemAssert.IsProblemAsync(await admin.GetAsync("/api/v1/users/u_unknown/tokens"), HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task The_trail_filters_by_action_and_exports_the_same_selection_as_csv()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/users", new { name = "=HYPERLINK(\"x\")", email = "formula@bureau.test", role = "ministry" });

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-events?action=user.created");
        var csv = await admin.GetAsync("/api/v1/exports/audit-events.csv?action=user.created");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var actions = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Distinct().ToList();
        Assert.AreSequenceEqual(new[] { "user.created" }, actions);
        Assert.AreEqual(HttpStatusCode.OK, csv.StatusCode);
        Assert.AreEqual("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("id;occurred_at;actor_id;actor_role;action;object_type;object_id;summary", lines[0]);
        Assert.AreEqual(page.GetProperty("total").GetInt64() + 1, lines.Length, "the header and one line per event");
        Assert.IsTrue(lines.Skip(1).All(l => l.Contains(";user.created;user;", StringComparison.Ordinal)), text);
    }

    [TestMethod]
    public async Task The_export_lists_every_invalid_filter_and_writes_nothing()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var problem = await ProblemAssert.IsProblemAsync(
            await admin.GetAsync("/api/v1/exports/audit-events.csv?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z&objectId=x"), HttpStatusCode.BadRequest);
        var list = await ProblemAssert.IsProblemAsync(
            await admin.GetAsync("/api/v1/audit-events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z&objectId=x&pageSize=0"), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.IsTrue(errors.TryGetProperty("to", out _) && errors.TryGetProperty("objectType", out _), errors.ToString());
        Assert.HasCount(3, list.GetProperty("errors").EnumerateObject(), list.ToString());
    }

    [TestMethod]
    public async Task An_admin_cannot_deactivate_their_own_account()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var self = app.UserIds[admin];

        await ProblemAssert.IsProblemAsync(await admin.PatchAsJsonAsync($"/api/v1/users/{self}", new { active = false }), HttpStatusCode.Conflict);

        Assert.AreEqual(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode, "still signed in");
    }
}
