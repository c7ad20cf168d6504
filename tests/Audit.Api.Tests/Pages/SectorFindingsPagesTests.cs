using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Reports;
using Audit.Api.Tests.Rounds;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// The sector findings in pages: the editor saves through the same use case as the API (errors at the fields, PRG,
/// conflicts instead of overwrites), the sector page shows the text (Markdown rendered, markup escaped) with its status,
/// the author gets no approve button and another analyst does, and the publication page names sectors lacking findings.
/// </summary>
[TestClass]
public sealed class SectorFindingsPagesTests
{
    private static async Task<HttpClient> BrowserAsync(AuditApp app, string name, Role role = Role.Analyst)
    {
        var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, name, role));
        return browser;
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient browser, string path, string version, params (string, string)[] fields)
    {
        var token = await Browser.AntiforgeryAsync(browser, path);
        return await Browser.PostFormAsync(browser, path, [("__RequestVerificationToken", token), ("versie", version), .. fields]);
    }

    [TestMethod]
    public async Task Writing_showing_and_approving_findings_through_the_pages()
    {
        await using var world = await ReportWorld.CreateAsync("2023-sf-pages");
        using var ada = await BrowserAsync(world.App, "Ada Analist");
        using var ben = await BrowserAsync(world.App, "Ben Tweede");
        var sector = $"/bureau/rondes/{world.RoundId}/sectoren/universiteit";
        var editor = sector + "/bevindingen";

        var empty = await ada.GetStringAsync(new Uri(sector, UriKind.Relative));
        Assert.Contains("id=\"bevindingen\"", empty);
        Assert.Contains("Nog niet geschreven", empty);
        Assert.Contains($"href=\"{editor}\"", empty);

        var invalid = await SaveAsync(ada, editor, "", ("samenvatting", ""), ("conclusies:governance", "Alleen een conclusie."));
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#samenvatting\"", invalidHtml);
        Assert.Contains("href=\"#bevindingen-governance\"", invalidHtml);
        Assert.Contains("aria-describedby=\"bevindingen-governance-fout\"", invalidHtml);
        Assert.Contains("Alleen een conclusie.", invalidHtml, "what was typed stays");

        var saved = await SaveAsync(ada, editor, "", ("samenvatting", "De sector is **op weg**. <script>x()</script>"),
            ("bevindingen:governance", "- eerste punt\n- tweede punt"), ("aanbevelingen:governance", "Beleg het bij het bestuur."));
        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.AreEqual($"{sector}?melding=findings_saved#bevindingen", saved.Headers.Location!.OriginalString);

        var own = await ada.GetStringAsync(new Uri($"{sector}?melding=findings_saved", UriKind.Relative));
        Assert.Contains("De bevindingen zijn opgeslagen.", own);
        Assert.Contains("Concept", own);
        Assert.Contains("<strong>op weg</strong>", own);
        Assert.Contains("&lt;script&gt;x()&lt;/script&gt;", own);
        Assert.DoesNotContain("<script>x()", own);
        Assert.Contains("<li>eerste punt</li>", own);
        Assert.Contains("Ada Analist", own);
        Assert.DoesNotContain("/bevindingen/goedkeuring", own, "the author gets no approve button");
        Assert.Contains("U heeft deze versie geschreven", own);

        // A stale editor (opened at "no findings yet") does not overwrite version 1.
        var stale = await SaveAsync(ben, editor, "", ("samenvatting", "Overschrijven?"), ("bevindingen:governance", "Nee."));
        Assert.AreEqual(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Een collega heeft de bevindingen intussen opgeslagen", await stale.Content.ReadAsStringAsync());

        var forAdaApproving = await Browser.PostFormAsync(ada, editor + "/goedkeuring",
            ("__RequestVerificationToken", await Browser.AntiforgeryAsync(ada, editor)), ("versie", "1"));
        Assert.AreEqual($"{sector}?melding=findings_own#bevindingen", forAdaApproving.Headers.Location!.OriginalString);

        var other = await ben.GetStringAsync(new Uri(sector, UriKind.Relative));
        Assert.Contains($"action=\"{editor}/goedkeuring\"", other);
        var approved = await Browser.PostFormAsync(ben, editor + "/goedkeuring",
            ("__RequestVerificationToken", await Browser.AntiforgeryAsync(ben, sector)), ("versie", "1"));
        Assert.AreEqual($"{sector}?melding=findings_approved#bevindingen", approved.Headers.Location!.OriginalString);
        var after = await ben.GetStringAsync(new Uri(sector, UriKind.Relative));
        Assert.Contains("data-status=\"findings-approved\"", after);
        Assert.Contains("goedgekeurd door Ben Tweede", after);

        var changed = await SaveAsync(ada, editor, "1", ("samenvatting", "Nieuwe samenvatting."), ("bevindingen:governance", "Anders."));
        Assert.AreEqual(HttpStatusCode.Redirect, changed.StatusCode);
        var withdrawn = await ben.GetStringAsync(new Uri(sector, UriKind.Relative));
        Assert.Contains("data-status=\"findings-changed\"", withdrawn);
        Assert.Contains("Gewijzigd na goedkeuring", withdrawn);
        Assert.Contains($"action=\"{editor}/goedkeuring\"", withdrawn, "a changed version needs a new approval");

        var english = await ada.GetStringAsync(new Uri(editor + "?lang=en", UriKind.Relative));
        Assert.Contains("Save findings", english);
    }

    [TestMethod]
    public async Task The_publication_page_names_sectors_without_approved_findings_and_refuses_with_them()
    {
        await using var world = await PublicationWorld.ClosedAsync("2023-sf-publiceren");
        using var admin = await BrowserAsync(world.World.App, "Bea Beheer", Role.Admin);
        var path = $"/bureau/rondes/{world.RoundId}/publiceren";

        var preview = await admin.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("id=\"bevindingen-ontbreken\"", preview);
        Assert.Contains($"href=\"/bureau/rondes/{world.RoundId}/sectoren/universiteit#bevindingen\"", preview);

        Assert.DoesNotContain("Ja, ronde publiceren", preview);
        Assert.Contains("Publiceren kan pas als elke sector met cijfers goedgekeurde bevindingen heeft", preview);
        // No publish form without findings: the token comes from another form of the same session.
        var token = await Browser.AntiforgeryAsync(admin, $"/bureau/rondes/{world.RoundId}/sectoren/universiteit/bevindingen");
        var refused = await Browser.PostFormAsync(admin, path, ("__RequestVerificationToken", token));
        Assert.AreEqual(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("niet elke sector met cijfers goedgekeurde bevindingen heeft", await refused.Content.ReadAsStringAsync());
        Assert.AreEqual("closed", await world.StatusAsync());
    }
}
