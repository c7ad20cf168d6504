using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>Issue 17: the new-round, change-round and institutions pages, as forms over the test server.</summary>
[TestClass]
public sealed class RoundPagesTests
{
    private static async Task<HttpClient> BrowserAsync(AuditApp app, Role role = Role.Admin)
    {
        var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Bea Beheer", role));
        return browser;
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string formPath, string action, params (string Name, string Value)[] fields)
    {
        var token = await Browser.AntiforgeryAsync(browser, formPath);
        return await Browser.PostFormAsync(browser, action, [("__RequestVerificationToken", token), .. fields]);
    }

    private static (string, string)[] NewRound(string id) =>
    [
        ("titel", "Audit 2026"), ("id", id), ("vragenlijst", "kennisveiligheid@2023"),
        ("opent", "2026-03-01T09:00"), ("sluit", "2026-06-30T17:00"), ("peildatum", "2026-01-01"),
        ("nulmeting", ""), ("minimale_groep", "5"), ("dominantie_n", "2"), ("dominantie_k", "85"),
        ("type", "universiteit"), ("deelnemers_van", ""),
    ];

    [TestMethod]
    public async Task An_admin_creates_a_round_for_all_universities_with_a_reference_date_in_dutch_time()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app);

        var form = await (await admin.GetAsync("/bureau/rondes/nieuw")).Content.ReadAsStringAsync();
        Assert.Contains("name=\"minimale_groep\" value=\"5\"", form, "the disclosure defaults are shown");
        Assert.Contains("value=\"kennisveiligheid@2023\"", form);
        Assert.Contains("Alle universiteiten", form);
        Assert.Contains("href=\"/bureau/rondes/nieuw\"", await (await admin.GetAsync("/bureau/rondes")).Content.ReadAsStringAsync());

        var created = await SubmitAsync(admin, "/bureau/rondes/nieuw", "/bureau/rondes/nieuw", NewRound("audit-2026"));

        Assert.AreEqual(HttpStatusCode.Redirect, created.StatusCode, await created.Content.ReadAsStringAsync());
        Assert.AreEqual("/bureau/rondes/audit-2026/instellingen?bericht=created&n=14&n=0", created.Headers.Location!.OriginalString);
        var page = await (await admin.GetAsync(created.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("14 instelling(en) doen mee", page);
        using var api = await app.ClientForAsync(Role.Admin);
        var round = await api.GetFromJsonAsync<JsonElement>("/api/v1/rounds/audit-2026");
        Assert.AreEqual("2026-01-01", round.GetProperty("referenceDate").GetString());
        // 09:00 and 17:00 in Dutch time: winter time (UTC+1) in March, summer time (UTC+2) in June.
        Assert.AreEqual(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), round.GetProperty("opensAt").GetDateTimeOffset());
        Assert.AreEqual(new DateTimeOffset(2026, 6, 30, 15, 0, 0, TimeSpan.Zero), round.GetProperty("closesAt").GetDateTimeOffset());
    }

    [TestMethod]
    public async Task Every_invalid_field_is_listed_and_linked_and_nothing_is_created()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app);

        var refused = await SubmitAsync(admin, "/bureau/rondes/nieuw", "/bureau/rondes/nieuw",
            ("titel", ""), ("id", "Geen Kenmerk"), ("vragenlijst", ""), ("opent", "morgen"), ("sluit", "2026-02-30T17:00"),
            ("peildatum", "1-1-2026"), ("minimale_groep", "1"), ("dominantie_n", "2"), ("dominantie_k", "x"), ("type", "kasteel"));

        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        foreach (var id in new[] { "titel", "ronde-id", "vragenlijst", "opent", "sluit", "peildatum", "minimale-groep", "dominantie-k" })
        {
            Assert.Contains($"href=\"#{id}\"", page, $"the summary links to {id}");
            Assert.Contains($"id=\"{id}-fout\"", page, $"{id} has its message");
        }
        Assert.Contains("value=\"Geen Kenmerk\"", page, "what was typed stays");
        using var api = await app.ClientForAsync(Role.Admin);
        Assert.AreEqual(0, (await api.GetFromJsonAsync<JsonElement>("/api/v1/rounds")).GetProperty("total").GetInt32());
    }

    [TestMethod]
    public async Task An_analyst_is_told_only_admins_create_rounds()
    {
        await using var app = new AuditApp();
        using var analyst = await BrowserAsync(app, Role.Analyst);

        var page = await (await analyst.GetAsync("/bureau/rondes/nieuw")).Content.ReadAsStringAsync();

        Assert.Contains("Alleen beheerders", page);
        Assert.DoesNotContain("name=\"titel\"", page);
    }

    [TestMethod]
    public async Task A_round_is_changed_through_its_form_and_a_stale_form_is_a_conflict()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app);
        await SubmitAsync(admin, "/bureau/rondes/nieuw", "/bureau/rondes/nieuw", NewRound("r"));
        var form = await (await admin.GetAsync("/bureau/rondes/r/wijzigen")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"2026-06-30T17:00\"", form, "the deadline is shown in Dutch time");
        Assert.Contains("name=\"versie\" value=\"1\"", form);

        var saved = await SubmitAsync(admin, "/bureau/rondes/r/wijzigen", "/bureau/rondes/r/wijzigen",
            ("versie", "1"), ("titel", "Audit 2026 (verlengd)"), ("sluit", "2026-07-31T17:00"), ("peildatum", "2026-02-01"));
        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Contains("De wijzigingen zijn opgeslagen.", await (await admin.GetAsync(saved.Headers.Location)).Content.ReadAsStringAsync());

        var stale = await SubmitAsync(admin, "/bureau/rondes/r/wijzigen", "/bureau/rondes/r/wijzigen",
            ("versie", "1"), ("titel", "Ander"), ("sluit", "2026-08-31T17:00"), ("peildatum", "2026-02-01"));
        Assert.AreEqual(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("name=\"versie\" value=\"2\"", await stale.Content.ReadAsStringAsync(), "the form now carries the current version");
        using var api = await app.ClientForAsync(Role.Admin);
        var round = await api.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r");
        Assert.AreEqual("Audit 2026 (verlengd)", round.GetProperty("title").GetString());
        Assert.AreEqual(new DateTimeOffset(2026, 7, 31, 15, 0, 0, TimeSpan.Zero), round.GetProperty("closesAt").GetDateTimeOffset());
    }

    [TestMethod]
    public async Task Institutions_are_added_and_removed_with_a_confirmation_when_answered_and_get_their_own_deadline()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app);
        await SubmitAsync(admin, "/bureau/rondes/nieuw", "/bureau/rondes/nieuw", NewRound("r"));
        using var api = await app.ClientForAsync(Role.Admin);
        await api.PostAsJsonAsync("/api/v1/rounds/r/status-changes", new { status = "open" });
        var ids = (await api.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r/participations")).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("institutionId").GetString()!, p => p.GetProperty("id").GetString()!);
        using var respondent = await app.ClientForAsync(Role.Respondent, "uva");
        await respondent.PutAsJsonAsync($"/api/v1/participations/{ids["uva"]}/answers/risicoanalyse.uitgevoerd", new { value = "yes" });
        const string page = "/bureau/rondes/r/instellingen";

        var added = await SubmitAsync(admin, page, page, ("type", "hogeschool"));
        Assert.StartsWith($"{page}?bericht=added&n=", added.Headers.Location!.OriginalString);

        var asked = await SubmitAsync(admin, page, $"/bureau/deelnames/{ids["uva"]}/verwijderen");
        Assert.AreEqual(HttpStatusCode.Conflict, asked.StatusCode);
        var confirm = await asked.Content.ReadAsStringAsync();
        Assert.Contains("name=\"bevestigd\" value=\"ja\"", confirm);
        Assert.AreEqual(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/participations/{ids["uva"]}")).StatusCode, "nothing removed yet");
        var removed = await SubmitAsync(admin, page, $"/bureau/deelnames/{ids["uva"]}/verwijderen", ("bevestigd", "ja"));
        Assert.AreEqual($"{page}?bericht=removed&n=1", removed.Headers.Location!.OriginalString);
        Assert.AreEqual(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/participations/{ids["uva"]}")).StatusCode);

        var wrong = await SubmitAsync(admin, page, $"/bureau/deelnames/{ids["vu"]}/deadline", ("sluit", "volgende week"));
        Assert.AreEqual(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains($"href=\"#sluit-{ids["vu"]}\"", await wrong.Content.ReadAsStringAsync());
        var extended = await SubmitAsync(admin, page, $"/bureau/deelnames/{ids["vu"]}/deadline", ("sluit", "2026-07-15T17:00"));
        Assert.AreEqual($"{page}?bericht=deadline_saved#deelnemers", extended.Headers.Location!.OriginalString);
        var vu = await api.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{ids["vu"]}");
        Assert.AreEqual(new DateTimeOffset(2026, 7, 15, 15, 0, 0, TimeSpan.Zero), vu.GetProperty("closesAt").GetDateTimeOffset());
        Assert.Contains("Eigen deadline", await (await admin.GetAsync(page)).Content.ReadAsStringAsync());
    }
}
