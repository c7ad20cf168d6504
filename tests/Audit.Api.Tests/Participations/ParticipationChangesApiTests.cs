using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Application.Participations;
using Audit.Core.Access;
using Audit.Core.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Participations;

/// <summary>Issue 17: a participation's own deadline (with a mail to its contacts) and removing an institution from a round.</summary>
[TestClass]
public sealed class ParticipationChangesApiTests
{
    private static async Task<Dictionary<string, string>> OpenRoundAsync(HttpClient admin)
    {
        await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = "r", title = "Ronde", questionnaire = new { key = "kennisveiligheid", version = "2023" },
            opensAt = "2025-01-15T08:00:00Z", closesAt = "2099-04-01T15:00:00Z", institutionTypes = new[] { "universiteit" },
        });
        await admin.PostAsJsonAsync("/api/v1/rounds/r/status-changes", new { status = "open" });
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r/participations");
        return list.GetProperty("items").EnumerateArray().ToDictionary(p => p.GetProperty("institutionId").GetString()!, p => p.GetProperty("id").GetString()!);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string participationId, object body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/participations/{participationId}") { Content = JsonContent.Create(body) });

    [TestMethod]
    public async Task The_bureau_extends_one_institutions_deadline_and_its_contacts_are_mailed_once()
    {
        await using var app = new AuditApp();
        app.Settings["Audit:PublicBaseUrl"] = "https://audit.example.nl";
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        using var contact = await app.ClientForAsync(Role.Respondent, "uva");
        var ids = await OpenRoundAsync(admin);
        var closesAt = new DateTimeOffset(2099, 5, 1, 15, 0, 0, TimeSpan.Zero);

        var saved = await PatchAsync(analyst, ids["uva"], new { closesAt });
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual(closesAt, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("closesAt").GetDateTimeOffset());
        Assert.AreEqual(HttpStatusCode.OK, (await PatchAsync(analyst, ids["uva"], new { closesAt })).StatusCode);

        var key = ChangeParticipationDeadline.DedupeKey(ids["uva"], app.UserIds[contact], closesAt);
        var mail = await app.Services.GetRequiredService<IMailOutbox>().FindByDedupeKeyAsync(key);
        Assert.IsNotNull(mail, "the contact is mailed about the new deadline");
        Assert.Contains("1 mei 2099", mail.Mail.TextBody);
        var pending = await app.Services.GetRequiredService<IMailOutbox>().PendingAsync(DateTimeOffset.UtcNow.AddYears(1), 500);
        Assert.ContainsSingle(pending.Where(m => m.Mail.DedupeKey.StartsWith("deadline:", StringComparison.Ordinal)), "saving the same deadline again mails nobody twice");

        // The respondent's own list and the bureau's progress show the effective deadline.
        var own = await contact.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{ids["uva"]}");
        Assert.AreEqual(closesAt, own.GetProperty("closesAt").GetDateTimeOffset());
        var others = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{ids["vu"]}");
        Assert.AreEqual(JsonValueKind.Null, others.GetProperty("closesAt").ValueKind);
    }

    [TestMethod]
    public async Task A_deadline_change_is_validated_and_refused_outside_scope()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var respondent = await app.ClientForAsync(Role.Respondent, "uva");
        var ids = await OpenRoundAsync(admin);

        var missing = (await ProblemAssert.IsProblemAsync(await PatchAsync(admin, ids["uva"], new { }), HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.IsTrue(missing.TryGetProperty("closesAt", out _), missing.ToString());
        var early = (await ProblemAssert.IsProblemAsync(await PatchAsync(admin, ids["uva"], new { closesAt = "2020-01-01T00:00:00Z" }), HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.IsTrue(early.TryGetProperty("closesAt", out _), early.ToString());
        await ProblemAssert.IsProblemAsync(await PatchAsync(admin, "p_unknown", new { closesAt = "2099-05-01T00:00:00Z" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await PatchAsync(respondent, ids["uva"], new { closesAt = "2099-05-01T00:00:00Z" }), HttpStatusCode.Forbidden);

        await admin.PostAsJsonAsync("/api/v1/rounds/r/status-changes", new { status = "closed" });
        await ProblemAssert.IsProblemAsync(await PatchAsync(admin, ids["uva"], new { closesAt = "2099-05-01T00:00:00Z" }), HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task Removing_an_institution_with_answers_needs_confirmation_is_audited_and_inviting_it_again_restores_it()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var respondent = await app.ClientForAsync(Role.Respondent, "uva");
        var ids = await OpenRoundAsync(admin);
        var answer = await respondent.PutAsJsonAsync($"/api/v1/participations/{ids["uva"]}/answers/risicoanalyse.uitgevoerd", new { value = "yes" });
        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, await answer.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/participations/{ids["vu"]}")).StatusCode, "nothing entered: no confirmation");
        var refused = await ProblemAssert.IsProblemAsync(await admin.DeleteAsync($"/api/v1/participations/{ids["uva"]}"), HttpStatusCode.Conflict);
        Assert.AreEqual(1, refused.GetProperty("answers").GetInt32());
        Assert.IsTrue(refused.GetProperty("confirmationRequired").GetBoolean());
        Assert.AreEqual(13, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r/participations")).GetProperty("total").GetInt32());

        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/participations/{ids["uva"]}?confirm=true")).StatusCode);
        Assert.AreEqual(12, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r/participations")).GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(await respondent.GetAsync($"/api/v1/participations/{ids["uva"]}"), HttpStatusCode.NotFound);
        var events = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?objectType=participation&objectId={ids["uva"]}");
        Assert.Contains("participation.removed", events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList());

        var again = await (await admin.PostAsJsonAsync("/api/v1/rounds/r/participations", new { institutionIds = new[] { "uva" } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(ids["uva"], again.GetProperty("created")[0].GetString(), "the same participation comes back");
        Assert.AreEqual(1, (await respondent.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{ids["uva"]}/answers")).GetProperty("answers").GetArrayLength());
    }

    [TestMethod]
    public async Task Removal_is_for_admins_in_draft_or_open_rounds_only()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        var ids = await OpenRoundAsync(admin);

        await ProblemAssert.IsProblemAsync(await analyst.DeleteAsync($"/api/v1/participations/{ids["uva"]}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await admin.DeleteAsync("/api/v1/participations/p_unknown"), HttpStatusCode.NotFound);
        await admin.PostAsJsonAsync("/api/v1/rounds/r/status-changes", new { status = "closed" });
        await ProblemAssert.IsProblemAsync(await admin.DeleteAsync($"/api/v1/participations/{ids["uva"]}?confirm=true"), HttpStatusCode.Conflict);
        Assert.AreEqual(14, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r/participations")).GetProperty("total").GetInt32());
    }
}
