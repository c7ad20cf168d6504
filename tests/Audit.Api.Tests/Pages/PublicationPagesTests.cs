using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Rounds;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// The round's status pages: the dashboard's buttons lead to a confirmation page that says what will happen, its post
/// changes the status through the same use case as the API and comes back with a notice; the publication page previews
/// what the ministry will see and refuses (409, with the reasons) while a sector view is stale.
/// </summary>
[TestClass]
public sealed class PublicationPagesTests
{
    private static async Task<HttpClient> BrowserAsync(AuditApp app, Role role)
    {
        var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, role == Role.Admin ? "Bea Beheer" : "Ada Analist", role));
        return browser;
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient browser, string path)
    {
        var token = await Browser.AntiforgeryAsync(browser, path);
        return await Browser.PostFormAsync(browser, path, ("__RequestVerificationToken", token));
    }

    /// <summary>The sector tables of a page: from the figures list to the end of the main content.</summary>
    private static string Tables(string html)
    {
        var start = html.IndexOf("<dl class=\"utrecht-data-list utrecht-data-list--rows audit-facts\">", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, "no sector tables on the page");
        return html[start..html.IndexOf("</main>", StringComparison.Ordinal)];
    }

    [TestMethod]
    public async Task Closing_through_the_confirmation_page_says_what_happens_and_returns_with_a_notice()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app, "2023-sluiten");
        using var admin = await BrowserAsync(app, Role.Admin);
        var dashboard = $"/bureau/rondes/{world.RoundId}";

        var before = await admin.GetStringAsync(new Uri(dashboard, UriKind.Relative));
        var confirm = await admin.GetStringAsync(new Uri($"{dashboard}/sluiten", UriKind.Relative));
        var closed = await ConfirmAsync(admin, $"{dashboard}/sluiten");

        Assert.Contains($"<form method=\"get\" action=\"{dashboard}/sluiten\">", before);
        Assert.Contains($"href=\"{dashboard}/publiceren\"", before, "the preview is there before closing");
        Assert.Contains("Als u de ronde sluit, kan niemand nog iets wijzigen.", confirm);
        Assert.Contains("Ja, ronde sluiten", confirm);
        Assert.AreEqual(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.AreEqual($"{dashboard}?bericht=status_closed#status", closed.Headers.Location!.OriginalString);
        Assert.AreEqual("closed", await StatusAsync(world));
        var after = await admin.GetStringAsync(new Uri($"{dashboard}?bericht=status_closed&lang=en", UriKind.Relative));
        Assert.Contains("The round is closed. Nobody can change anything any more.", after);
        Assert.Contains($"<form method=\"get\" action=\"{dashboard}/openen\">", after, "a closed round can be reopened");
        Assert.Contains($"<form method=\"get\" action=\"{dashboard}/publiceren\">", after);

        var twice = await ConfirmAsync(admin, $"{dashboard}/sluiten");
        Assert.AreEqual(HttpStatusCode.Conflict, twice.StatusCode);
        var twiceHtml = await twice.Content.ReadAsStringAsync();
        Assert.Contains("The status was not changed", twiceHtml, "the language chosen stays");
    }

    [TestMethod]
    public async Task An_analyst_sees_the_pages_but_has_no_button_and_a_post_is_refused()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app, "2023-analist");
        var dashboard = $"/bureau/rondes/{world.RoundId}";

        var page = await world.Analyst.GetStringAsync(new Uri($"{dashboard}/sluiten", UriKind.Relative));
        var posted = await ConfirmAsync(world.Analyst, $"{dashboard}/sluiten");

        Assert.Contains("Alleen een beheerder kan de status van een ronde wijzigen.", page);
        Assert.DoesNotContain("Ja, ronde sluiten", page);
        Assert.AreEqual(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.AreEqual("open", await StatusAsync(world));
    }

    [TestMethod]
    public async Task The_publication_preview_shows_the_ministry_tables_and_publishing_leads_the_ministry_to_them()
    {
        await using var world = await PublicationWorld.ClosedAsync("2023-publiceren");
        using var admin = await BrowserAsync(world.World.App, Role.Admin);
        using var ministry = await BrowserAsync(world.World.App, Role.Ministry);
        var path = $"/bureau/rondes/{world.RoundId}/publiceren";
        await SectorFindings.ApprovedFindings.EnsureAsync(world.World.App.Services, world.RoundId);

        var preview = await admin.GetStringAsync(new Uri(path, UriKind.Relative));
        var sector = await admin.GetStringAsync(new Uri($"{path}/universiteit", UriKind.Relative));
        var published = await ConfirmAsync(admin, path);

        Assert.Contains("id=\"sector-universiteit\"", preview);
        Assert.Contains("<td class=\"utrecht-table__cell\">Actueel</td>", preview);
        Assert.Contains($"href=\"{path}/universiteit\"", preview);
        Assert.Contains("Ja, ronde publiceren", preview);
        Assert.Contains("Zo ziet het ministerie dit sectorbeeld na publicatie.", sector);
        Assert.AreEqual(HttpStatusCode.Redirect, published.StatusCode);
        Assert.AreEqual($"/bureau/rondes/{world.RoundId}?bericht=status_published#status", published.Headers.Location!.OriginalString);
        var ministryPage = await ministry.GetStringAsync(new Uri($"/ministerie/rondes/{world.RoundId}/sectoren/universiteit", UriKind.Relative));
        Assert.AreEqual(Tables(ministryPage), Tables(sector), "the preview shows the ministry's tables");
        Assert.IsNotNull(await world.MailOfAsync(world.World.OwnRespondent));
    }

    [TestMethod]
    public async Task A_stale_sector_view_keeps_the_button_away_and_a_post_comes_back_409_with_the_reason()
    {
        await using var world = await PublicationWorld.ClosedAsync("2023-verouderd");
        using var admin = await BrowserAsync(world.World.App, Role.Admin);
        var path = $"/bureau/rondes/{world.RoundId}/publiceren";
        await SectorFindings.ApprovedFindings.EnsureAsync(world.World.App.Services, world.RoundId);
        var token = await Browser.AntiforgeryAsync(admin, path);
        await world.MarkStaleAsync();

        var preview = await admin.GetStringAsync(new Uri(path, UriKind.Relative));
        var refused = await Browser.PostFormAsync(admin, path, ("__RequestVerificationToken", token));

        Assert.Contains("Wordt herberekend", preview);
        Assert.DoesNotContain("Ja, ronde publiceren", preview);
        Assert.AreEqual(HttpStatusCode.Conflict, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("De ronde is niet gepubliceerd, want niet elk sectorbeeld is actueel.", html);
        Assert.Contains("<a class=\"utrecht-link utrecht-link--html-a\" href=\"#sector-universiteit\">Universiteiten: het sectorbeeld wordt nog herberekend.</a>", html);
        Assert.AreEqual("closed", await world.StatusAsync());
    }

    private static async Task<string> StatusAsync(BureauWorld world) =>
        (await world.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{world.RoundId}")).GetProperty("status").GetString()!;
}
