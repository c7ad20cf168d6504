using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Access;

[TestClass]
public sealed class UsersApiTests
{
    [TestMethod]
    public async Task An_admin_creates_a_user_and_a_token_that_works_until_revoked()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var created = await admin.PostAsJsonAsync("/api/v1/users", new { name = "Mira Analist", email = "mira@bureau.nl", role = "analyst" });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = user.GetProperty("id").GetString()!;

        var tokenResponse = await admin.PostAsJsonAsync($"/api/v1/users/{id}/tokens", new { expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.AreEqual(HttpStatusCode.Created, tokenResponse.StatusCode);
        var token = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>();
        using var analyst = app.CreateClient();
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        Assert.AreEqual(id, (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetString());

        var revoked = await admin.DeleteAsync($"/api/v1/users/{id}/tokens/{token.GetProperty("id").GetString()}");
        Assert.AreEqual(HttpStatusCode.NoContent, revoked.StatusCode);
        await ProblemAssert.IsProblemAsync(await analyst.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task Every_invalid_field_is_listed_and_nothing_is_stored()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { name = "", email = "not-an-email", role = "king" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.IsTrue(errors.TryGetProperty("name", out _));
        Assert.IsTrue(errors.TryGetProperty("email", out _));
        Assert.IsTrue(errors.TryGetProperty("role", out _));
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users");
        Assert.AreEqual(1, users.GetProperty("items").GetArrayLength(), "only the admin itself");
    }

    [TestMethod]
    public async Task A_respondent_needs_an_existing_institution()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { name = "R", email = "r@uni.nl", role = "respondent", institutionId = "nowhere" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("nowhere", problem.GetProperty("errors").GetProperty("institutionId")[0].GetString()!);
    }

    [TestMethod]
    public async Task A_duplicate_email_is_a_409_problem()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var body = new { name = "M", email = "m@ocw.nl", role = "ministry" };
        Assert.AreEqual(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", body)).StatusCode);

        var again = await admin.PostAsJsonAsync("/api/v1/users", body with { email = "M@OCW.NL" });

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task Changes_are_in_the_audit_trail_with_the_actor()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/users", new { name = "M", email = "m@ocw.nl", role = "ministry" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();

        var events = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?objectType=user&objectId={id}");

        var entry = events.GetProperty("items").EnumerateArray().Single();
        Assert.AreEqual("user.created", entry.GetProperty("action").GetString());
        Assert.AreEqual(app.UserIds[admin], entry.GetProperty("actorId").GetString());
    }

    [TestMethod]
    public async Task Analysts_do_not_manage_users()
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);

        var response = await analyst.PostAsJsonAsync("/api/v1/users", new { name = "X", email = "x@x.nl", role = "admin" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [TestMethod]
    public async Task Api_responses_carry_the_security_headers()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.GetAsync("/api/v1/me");

        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.IsTrue(response.Headers.CacheControl?.NoStore);
        Assert.Contains("max-age", response.Headers.GetValues("Strict-Transport-Security").Single());
    }
}
