using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Questionnaires;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Pages;

/// <summary>The bureau's questionnaire, user and audit log pages over the test server, as a browser without script uses them.</summary>
[TestClass]
public sealed class AdminPagesTests
{
    private static async Task<HttpClient> BrowserAsync(AuditApp app, Role role = Role.Admin, string name = "Bea Beheer")
    {
        var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, name, role));
        return browser;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string fileName, string text)
    {
        var token = await Browser.AntiforgeryAsync(browser, "/bureau/vragenlijsten");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "bestand", fileName } };
        return await browser.PostAsync(new Uri("/bureau/vragenlijsten", UriKind.Relative), form);
    }

    [TestMethod]
    public async Task An_uploaded_questionnaire_redirects_to_its_preview_and_is_listed()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app);

        var uploaded = await UploadAsync(admin, "pilot.yaml", QuestionnaireAdminApiTests.Pilot);

        Assert.AreEqual(HttpStatusCode.Redirect, uploaded.StatusCode, await uploaded.Content.ReadAsStringAsync());
        Assert.AreEqual("/bureau/vragenlijsten/pilot/1?bericht=uploaded", uploaded.Headers.Location!.OriginalString);
        var preview = await admin.GetStringAsync(uploaded.Headers.Location);
        Assert.Contains("Versie 1 van vragenlijst pilot is opgeslagen.", preview);
        Assert.Contains("Is er een coördinator?", preview);
        Assert.Contains("Concept", preview, "the options are shown as respondents see them");
        Assert.Contains("/bureau/vragenlijsten/pilot/1", await admin.GetStringAsync("/bureau/vragenlijsten"));

        var again = await UploadAsync(admin, "pilot.yaml", QuestionnaireAdminApiTests.Pilot);
        Assert.AreEqual("/bureau/vragenlijsten/pilot/1?bericht=unchanged", again.Headers.Location!.OriginalString);
    }

    [TestMethod]
    public async Task A_broken_file_comes_back_with_every_error_its_line_and_its_path_and_nothing_is_stored()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app);
        var broken = QuestionnaireAdminApiTests.Pilot.Replace("type: yes_no", "type: colour", StringComparison.Ordinal)
            .Replace("title: Pilot", "title: \"\"", StringComparison.Ordinal);

        var response = await UploadAsync(admin, "pilot.yaml", broken);
        var page = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het bestand heeft 2 fout(en).", page);
        Assert.Contains("<code class=\"audit-hash\">themes[0].questions[0].type</code>", page);
        Assert.Contains("<td class=\"utrecht-table__cell utrecht-table__cell--numeric-data\">9</td>", page);
        Assert.Contains("<td class=\"utrecht-table__cell utrecht-table__cell--numeric-data\">3</td>", page);
        Assert.DoesNotContain("/bureau/vragenlijsten/pilot/1", page);
    }

    [TestMethod]
    public async Task Replacing_a_version_in_use_is_a_409_page_and_an_empty_form_a_400()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app);
        await UploadAsync(admin, "pilot.yaml", QuestionnaireAdminApiTests.Pilot);

        var conflict = await UploadAsync(admin, "pilot.yaml", QuestionnaireAdminApiTests.Pilot.Replace("title: Pilot", "title: Anders", StringComparison.Ordinal));
        var token = await Browser.AntiforgeryAsync(admin, "/bureau/vragenlijsten");
        var empty = await admin.PostAsync(new Uri("/bureau/vragenlijsten", UriKind.Relative),
            new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } });
        var forged = await admin.PostAsync(new Uri("/bureau/vragenlijsten", UriKind.Relative),
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(QuestionnaireAdminApiTests.PilotTwo)), "bestand", "p.yaml" } });

        Assert.AreEqual(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("kan niet worden vervangen", await conflict.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Kies een bestand om te uploaden.", await empty.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("/bureau/vragenlijsten/pilot/2", await admin.GetStringAsync("/bureau/vragenlijsten"), "without antiforgery nothing is stored");
    }

    [TestMethod]
    public async Task Analysts_read_and_compare_questionnaires_but_have_no_upload_form()
    {
        await using var app = new AuditApp();
        using (var admin = await BrowserAsync(app))
        {
            await UploadAsync(admin, "pilot.yaml", QuestionnaireAdminApiTests.Pilot);
            await UploadAsync(admin, "pilot-2.yaml", QuestionnaireAdminApiTests.PilotTwo);
        }
        using var analyst = await BrowserAsync(app, Role.Analyst, "Ada Analist");

        var list = await analyst.GetStringAsync("/bureau/vragenlijsten");
        var compare = await analyst.GetStringAsync("/bureau/vragenlijsten/pilot/2/vergelijking?met=1");
        var unknown = await analyst.GetAsync("/bureau/vragenlijsten/pilot/2/vergelijking?met=9");

        Assert.DoesNotContain("enctype=\"multipart/form-data\"", list);
        Assert.Contains("1 vragen toegevoegd, 1 verwijderd, 2 gewijzigd en 0 ongewijzigd.", compare);
        Assert.Contains("<code class=\"audit-hash\">governance.new</code>", compare);
        Assert.Contains("Soort vraag: Ja/nee werd Volwassenheid (0–5).", compare);
        Assert.AreEqual(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await analyst.GetAsync("/bureau/vragenlijsten/pilot/7")).StatusCode);
    }

    [TestMethod]
    public async Task An_admin_adds_an_account_deactivates_it_and_revokes_its_token()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app);

        var invalid = await Browser.PostFormAsync(admin, "/bureau/gebruikers",
            ("__RequestVerificationToken", await Browser.AntiforgeryAsync(admin, "/bureau/gebruikers")), ("naam", ""), ("email", "nope"), ("rol", "respondent"));
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("href=\"#nieuw-naam\"", invalidPage);
        Assert.Contains("href=\"#nieuw-email\"", invalidPage);
        Assert.Contains("href=\"#nieuw-rol\"", invalidPage);

        var created = await Browser.PostFormAsync(admin, "/bureau/gebruikers",
            ("__RequestVerificationToken", await Browser.AntiforgeryAsync(admin, "/bureau/gebruikers")), ("naam", "Mia Ministerie"), ("email", "mia@ocw.test"), ("rol", "ministry"));
        Assert.AreEqual(HttpStatusCode.Redirect, created.StatusCode);
        var userPath = created.Headers.Location!.OriginalString.Split('?')[0];
        var users = app.Services.GetRequiredService<IUserRepository>();
        var user = (await users.ListAsync()).Single(u => u.Email == "mia@ocw.test");
        Assert.AreEqual($"/bureau/gebruikers/{user.Id}", userPath);
        Assert.AreEqual(Role.Ministry, user.Role);

        var now = DateTimeOffset.UtcNow;
        var stored = new StoredToken(AccessTokens.NewId("t_"), user.Id, TokenKind.PersonalAccessToken, AccessTokens.Hash(AccessTokens.NewToken()), now, now.AddDays(1));
        await users.InsertTokenAsync(stored, Actor.System.Did("token.created", "token", stored.Id, now));
        Assert.Contains(stored.Id, await admin.GetStringAsync(userPath));

        var revoked = await Browser.PostFormAsync(admin, $"{userPath}/tokens/{stored.Id}/intrekken", ("__RequestVerificationToken", await Browser.AntiforgeryAsync(admin, userPath)));
        Assert.AreEqual($"{userPath}?bericht=revoked", revoked.Headers.Location!.OriginalString);
        Assert.DoesNotContain(stored.Id, await admin.GetStringAsync(userPath));

        var deactivated = await Browser.PostFormAsync(admin, $"{userPath}/status", ("__RequestVerificationToken", await Browser.AntiforgeryAsync(admin, userPath)), ("actief", "nee"));
        Assert.AreEqual($"{userPath}?bericht=deactivated", deactivated.Headers.Location!.OriginalString);
        Assert.IsFalse((await users.GetAsync(user.Id))!.Active);
        Assert.Contains("Gedeactiveerd", await admin.GetStringAsync("/bureau/gebruikers"));
    }

    [TestMethod]
    public async Task The_audit_log_filters_pages_newest_first_and_downloads_the_same_selection()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app);
        var trail = app.Services.GetRequiredService<IAuditEventRepository>();
        var at = new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero); // 11 March in Dutch time
        for (var i = 0; i < 55; i++)
        {
            await trail.RecordAsync(new Actor("u_tester", "analyst").Did("answers.read", "participation", "p_filter", at.AddSeconds(i), $"read {i}"));
        }

        var first = await admin.GetStringAsync("/bureau/auditlog?actie=answers.read&deelname=p_filter&van=2026-03-11&tot=2026-03-11");
        var second = await admin.GetStringAsync("/bureau/auditlog?actie=answers.read&deelname=p_filter&van=2026-03-11&tot=2026-03-11&pagina=2");
        var dayBefore = await admin.GetStringAsync("/bureau/auditlog?deelname=p_filter&tot=2026-03-10");
        var csv = await admin.GetAsync("/bureau/auditlog.csv?actie=answers.read&deelname=p_filter");
        var invalid = await admin.GetAsync("/bureau/auditlog?van=gisteren&tot=2026-01-01");

        Assert.Contains("50 van 55 gebeurtenissen, pagina 1 van 2.", first);
        Assert.IsGreaterThan(0, first.IndexOf(">read 54<", StringComparison.Ordinal), "the newest event is on the first page");
        Assert.IsLessThan(first.IndexOf(">read 53<", StringComparison.Ordinal), first.IndexOf(">read 54<", StringComparison.Ordinal), "newest first");
        Assert.DoesNotContain(">read 4<", first);
        Assert.Contains(">read 4<", second);
        Assert.Contains("11 maart 2026, 00:30", first);
        Assert.Contains("5 van 55 gebeurtenissen, pagina 2 van 2.", second);
        Assert.Contains("0 van 0 gebeurtenissen", dayBefore);
        Assert.AreEqual("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.HasCount(56, (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("href=\"#van\"", await invalid.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Analysts_see_the_questionnaires_link_but_not_the_admin_pages()
    {
        await using var app = new AuditApp();
        using var analyst = await BrowserAsync(app, Role.Analyst, "Ada Analist");
        using var admin = await BrowserAsync(app);

        var analystStart = await analyst.GetStringAsync("/bureau/rondes");
        var adminStart = await admin.GetStringAsync("/bureau/rondes");

        Assert.Contains("href=\"/bureau/vragenlijsten\"", analystStart);
        Assert.DoesNotContain("href=\"/bureau/gebruikers\"", analystStart);
        Assert.DoesNotContain("href=\"/bureau/auditlog\"", analystStart);
        Assert.Contains("href=\"/bureau/gebruikers\"", adminStart);
        Assert.Contains("href=\"/bureau/auditlog\"", adminStart);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await analyst.GetAsync("/bureau/auditlog")).StatusCode);
    }
}
