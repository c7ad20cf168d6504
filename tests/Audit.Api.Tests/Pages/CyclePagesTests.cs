using System.Net;
using System.Net.Http.Json;
using Audit.Api.Tests.Collection;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// The audit cycle pages over two draft waves of cycle "2023": the list and the cycle page show the waves; the summary
/// editor links its error to the field, keeps typed text on a conflict, and saves with post/redirect/get; the author
/// cannot approve, a second analyst approves exactly the version read; the ministry is told the pages do not exist.
/// </summary>
[TestClass]
public sealed class CyclePagesTests
{
    private static AuditApp _app = null!;
    private static HttpClient _ada = null!;
    private static HttpClient _ben = null!;

    private const string CyclePath = "/bureau/cycli/2023";

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        _app = new AuditApp();
        using var admin = await _app.ClientForAsync(Role.Admin);
        foreach (var (id, title) in new[] { ("cy-uni", "Golf universiteiten"), ("cy-hbo", "Golf hogescholen") })
        {
            var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
            {
                id, title, cycle = "2023", questionnaire = new { key = "kennisveiligheid", version = "2023" },
                opensAt = "2023-03-01T08:00:00Z", closesAt = "2023-06-01T15:00:00Z",
            });
            Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        }
        _ada = await BrowserAsync("Ada Analist");
        _ben = await BrowserAsync("Ben Tweede");
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        _ada.Dispose();
        _ben.Dispose();
        await _app.DisposeAsync();
    }

    private static async Task<HttpClient> BrowserAsync(string name, Role role = Role.Analyst)
    {
        var browser = Browser.For(_app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_app, name, role));
        return browser;
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient browser, string version, string summary) =>
        await Browser.PostFormAsync(browser, CyclePath, ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, CyclePath)),
            ("versie", version), ("samenvatting", summary));

    private static async Task<HttpResponseMessage> ApproveAsync(HttpClient browser, string version) =>
        await Browser.PostFormAsync(browser, CyclePath + "/goedkeuring", ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, CyclePath)),
            ("versie", version));

    [TestMethod]
    public async Task The_list_and_the_cycle_page_show_the_waves_and_the_round_dashboard_links_its_cycle()
    {
        var list = await _ada.GetStringAsync(new Uri("/bureau/cycli", UriKind.Relative));
        Assert.Contains($"href=\"{CyclePath}\"", list);
        Assert.Contains("Golf universiteiten", list);
        Assert.Contains("href=\"/bureau/cycli\"", list, "the cycles are in the bureau's navigation");

        var page = await _ada.GetStringAsync(new Uri(CyclePath, UriKind.Relative));
        Assert.Contains("Auditcyclus 2023", page);
        Assert.Contains("href=\"/bureau/rondes/cy-uni\"", page);
        Assert.Contains("data-status=\"round-draft\"", page);
        Assert.DoesNotContain("/api/v1/cycles/2023/parliament-report", page, "no wave is published: no report yet");
        Assert.Contains("Het rapport aan de Tweede Kamer is er zodra een golf van deze cyclus is gepubliceerd.", page);
        // The language choice sticks to the browser: back to Dutch for the other tests of this class.
        Assert.Contains("Audit cycle 2023", await _ada.GetStringAsync(new Uri(CyclePath + "?lang=en", UriKind.Relative)));
        Assert.Contains("Auditcyclus 2023", await _ada.GetStringAsync(new Uri(CyclePath + "?lang=nl", UriKind.Relative)));

        var dashboard = await _ada.GetStringAsync(new Uri("/bureau/rondes/cy-uni", UriKind.Relative));
        Assert.Contains($"href=\"{CyclePath}\"", dashboard);
        Assert.AreEqual(HttpStatusCode.NotFound, (await _ada.GetAsync(new Uri("/bureau/cycli/1999", UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await _ada.GetAsync(new Uri("/bureau/cycli/%3Cx%3E", UriKind.Relative))).StatusCode);
    }

    [TestMethod]
    public async Task The_editor_links_its_error_keeps_typed_text_on_a_conflict_and_the_second_analyst_approves()
    {
        var invalid = await SaveAsync(_ada, "", "   ");
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#samenvatting\"", invalidHtml);
        Assert.Contains("aria-describedby=\"opmaak-uitleg samenvatting-fout\"", invalidHtml);
        Assert.Contains("aria-invalid=\"true\"", invalidHtml);
        Assert.Contains("<title>Fout: ", invalidHtml);

        var saved = await SaveAsync(_ada, "", "De cyclus is **op weg**. <script>x()</script>");
        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual($"{CyclePath}?melding=saved#samenvatting-status", saved.Headers.Location!.OriginalString);
        var own = await _ada.GetStringAsync(saved.Headers.Location);
        Assert.Contains("De samenvatting is opgeslagen.", own);
        Assert.Contains("data-status=\"findings-draft\"", own);
        Assert.Contains("<strong>op weg</strong>", own);
        Assert.DoesNotContain("<script>x()", own);
        Assert.DoesNotContain("href=\"/bureau/cycli/2023/goedkeuring\"", own, "the author is not offered the approval");

        // Ben's editor was opened before Ada saved (no version yet): his text stays, with Ada's beside it.
        var stale = await SaveAsync(_ben, "", "Bens eigen tekst die niet verloren mag gaan.");
        Assert.AreEqual(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await stale.Content.ReadAsStringAsync();
        Assert.Contains(">Bens eigen tekst die niet verloren mag gaan.</textarea>", conflict);
        Assert.Contains("id=\"tekst-collega\"", conflict);
        Assert.Contains("<strong>op weg</strong>", conflict);
        Assert.Contains("name=\"versie\" value=\"1\"", conflict);

        var refused = await ApproveAsync(_ada, "1");
        Assert.AreEqual($"{CyclePath}?melding=own#samenvatting-status", refused.Headers.Location!.OriginalString);
        Assert.Contains("U kunt een versie die u zelf schreef niet goedkeuren.", await _ada.GetStringAsync(refused.Headers.Location));
        var authorsPreview = await _ada.GetStringAsync(new Uri(CyclePath + "/goedkeuring", UriKind.Relative));
        Assert.DoesNotContain("action=\"/bureau/cycli/2023/goedkeuring\"", authorsPreview);

        var preview = await _ben.GetStringAsync(new Uri(CyclePath + "/goedkeuring", UriKind.Relative));
        Assert.Contains("<strong>op weg</strong>", preview, "the text approved is shown rendered");
        Assert.Contains("action=\"/bureau/cycli/2023/goedkeuring\"", preview);
        Assert.Contains("name=\"versie\" value=\"1\"", preview);
        var approved = await ApproveAsync(_ben, "1");
        Assert.AreEqual($"{CyclePath}?melding=approved#samenvatting-status", approved.Headers.Location!.OriginalString);
        var after = await _ben.GetStringAsync(approved.Headers.Location);
        Assert.Contains("data-status=\"findings-approved\"", after);
        Assert.Contains("goedgekeurd door Ben Tweede", after);

        // A change withdraws the approval; an approval of the version read before the change is refused.
        Assert.AreEqual(HttpStatusCode.Redirect, (await SaveAsync(_ada, "1", "Nieuwe tekst.")).StatusCode);
        var late = await ApproveAsync(_ben, "1");
        Assert.AreEqual($"{CyclePath}?melding=changed#samenvatting-status", late.Headers.Location!.OriginalString);
        Assert.Contains("data-status=\"findings-changed\"", await _ben.GetStringAsync(late.Headers.Location));
    }

    [TestMethod]
    public async Task The_ministry_is_told_the_cycle_pages_do_not_exist_and_respondents_are_refused()
    {
        using var ministry = await BrowserAsync("Mo OCW", Role.Ministry);
        using var respondent = Browser.For(_app);
        respondent.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_app, "Ro", Role.Respondent, CollectionFixture.Own));
        foreach (var path in new[] { "/bureau/cycli", CyclePath, CyclePath + "/goedkeuring" })
        {
            Assert.AreEqual(HttpStatusCode.NotFound, (await ministry.GetAsync(new Uri(path, UriKind.Relative))).StatusCode, path);
            Assert.AreEqual(HttpStatusCode.Forbidden, (await respondent.GetAsync(new Uri(path, UriKind.Relative))).StatusCode, path);
        }
        Assert.DoesNotContain("/api/v1/cycles/2023/parliament-report", await ministry.GetStringAsync(new Uri("/ministerie/rondes", UriKind.Relative)),
            "no published wave: the ministry learns nothing of the cycle");
    }
}
