using System.Net.Http.Json;
using Audit.Core.Access;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// axe-core finds no WCAG 2.1 A/AA violation on the round's status and publication pages, in Dutch and English, as the
/// admin sees them (with the buttons and forms) and with a refused change; screenshots at 390 and 1440 px for review.
/// The class closes the open round of its own world: the publication page then offers the publish button.
/// </summary>
[TestClass]
public sealed class PublicationAccessibilityTests
{
    private static BureauSession session = null!;
    private static IPage admin = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        session = await BureauSession.StartAsync();
        admin = await session.Chromium.NewPageAsync(session.App);
        await PageActions.SignInWithTokenAsync(admin, await session.App.UserWithTokenAsync("Bea Beheer", Role.Admin));
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    private async Task CheckAsync(IPage page, string url, string name, int status = 200)
    {
        foreach (var lang in new[] { "nl", "en" })
        {
            var response = await page.GotoAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            Assert.AreEqual(status, response!.Status, $"{name}.{lang}");
            await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"{name}.{lang}", lang);
        }
        await WideAndNarrowAsync(page, name);
    }

    private async Task WideAndNarrowAsync(IPage page, string name)
    {
        foreach (var width in new[] { 390, 1440 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Screenshots.TakeAsync(page, TestContext, $"{name}.{width}");
        }
        await page.SetViewportSizeAsync(1280, 720);
    }

    [TestMethod]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound + "/sluiten", "bureau-round-close")]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound + "/publiceren", "bureau-publication-open")]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "/publiceren", "bureau-publication-published")]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "/publiceren/universiteit", "bureau-publication-sector")]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "?bericht=status_published", "bureau-dashboard-published")]
    public async Task The_page_has_no_wcag_violations_in_dutch_and_english(string path, string name) => await CheckAsync(admin, path, name);

    [TestMethod]
    public async Task The_analyst_s_publication_page_has_no_wcag_violations() =>
        await CheckAsync(session.Analyst, "/bureau/rondes/" + BureauWorld.PublishedRound + "/publiceren/universiteit", "bureau-publication-sector-analyst");

    [TestMethod]
    public async Task Closing_then_publishing_through_the_pages_has_no_wcag_violations_on_the_way()
    {
        await using var context = await session.Chromium.NewContextAsync(session.App);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, await session.App.UserWithTokenAsync("Bea Beheer", Role.Admin));
        var dashboard = "/bureau/rondes/" + BureauWorld.OpenRound;

        // The confirmation page as it was, then the round closed by someone else: the press comes back refused (409).
        await page.GotoAsync(dashboard + "/sluiten");
        var closed = await session.World.Admin.PostAsJsonAsync($"/api/v1/rounds/{BureauWorld.OpenRound}/status-changes", new { status = "closed" });
        Assert.IsTrue(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ja, ronde sluiten" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("De status is niet gewijzigd");
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, "bureau-round-close-refused.nl", "nl");

        // The dashboard's button leads to the preview; nothing is accepted in this round, so nothing holds it back.
        await CheckAsync(page, dashboard, "bureau-dashboard-closed");
        await page.GotoAsync(dashboard + "?lang=nl");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Publicatie bekijken en publiceren" }));
        await CheckAsync(page, dashboard + "/publiceren", "bureau-publication-closed");
        await page.GotoAsync(dashboard + "/publiceren?lang=nl");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ja, ronde publiceren" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De ronde is gepubliceerd.");
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, "bureau-dashboard-just-published.nl", "nl");
    }
}
