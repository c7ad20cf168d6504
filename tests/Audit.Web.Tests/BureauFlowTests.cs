using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// The bureau's work in a real browser: an analyst filters the dashboard, opens a submitted questionnaire, returns it
/// with a remark; the respondent sees the remark at the question, answers again and resubmits; the analyst accepts,
/// and the sector view appears. The ministry reads the published sector
/// view and cannot open a participation, neither as a page nor through the API.
/// </summary>
[TestClass]
public sealed class BureauFlowTests
{
    private const string RemarkedQuestion = "governance.bestuurder";
    private static readonly SectorViewSignals SectorViews = new();
    private static WebApp app = null!;
    private static Chromium chromium = null!;
    private static BureauWorld world = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start(SectorViews.Register);
        world = await BureauWorld.CreateAsync(app);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task An_analyst_returns_with_a_remark_the_respondent_fixes_and_resubmits_the_analyst_accepts_and_the_sector_view_appears()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, world.AnalystToken);

        // Rounds → dashboard, filtered to what waits for review.
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Rondes" }));
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Ronde {BureauWorld.OpenRound}", Exact = true }));
        Assert.AreEqual($"Voortgang: Ronde {BureauWorld.OpenRound}", await PageActions.HeadingAsync(page));
        Assert.Contains("14 van 14 deelnames getoond.", await page.Locator("main").InnerTextAsync());
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("submitted");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("status=submitted"));
        Assert.Contains("1 van 14 deelnames getoond.", await page.Locator("main").InnerTextAsync());
        await Screenshots.TakeAsync(page, TestContext, "bureau-dashboard-filtered.nl");

        // The participation, then the review form: a remark on one question, and return.
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = BureauWorld.OwnName, Exact = true }));
        Assert.AreEqual($"Deelname van {BureauWorld.OwnName}", await PageActions.HeadingAsync(page));
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Deze vragenlijst beoordelen" }));
        // Each remark field sits behind its question's "Opmerking toevoegen".
        await page.Locator("summary", new() { HasTextRegex = new Regex(@"bij vraag 1\.1$") }).ClickAsync();
        await page.GetByLabel("Opmerking bij vraag 1.1 (niet verplicht)").FillAsync("Noem de bestuurder bij naam en functie.");
        await Screenshots.TakeAsync(page, TestContext, "bureau-review-filled.nl");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Terugsturen met opmerkingen" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("teruggestuurd");
        Assert.AreEqual("returned", await world.StatusOfAsync(world.OwnParticipation));
        var set = await world.Respondent.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{world.OwnParticipation}/answers");
        var remark = set.GetProperty("remarks").EnumerateArray().Single();
        Assert.AreEqual(RemarkedQuestion, remark.GetProperty("questionKey").GetString());
        Assert.AreEqual("Noem de bestuurder bij naam en functie.", remark.GetProperty("text").GetString());

        // The institution sees the remark at its question, answers again and resubmits, in its own browser.
        await using (var respondentContext = await chromium.NewContextAsync(app))
        {
            var respondent = await respondentContext.NewPageAsync();
            await PageActions.SignInWithTokenAsync(respondent, world.RespondentToken);
            await respondent.GotoAsync($"/deelnames/{world.OwnParticipation}/overzicht");
            await Assertions.Expect(respondent.Locator("main")).ToContainTextAsync("Noem de bestuurder bij naam en functie.");
            await respondent.GotoAsync($"/deelnames/{world.OwnParticipation}/thema/governance");
            var question = respondent.Locator($"[data-question='{RemarkedQuestion}']");
            await Assertions.Expect(question).ToContainTextAsync("Noem de bestuurder bij naam en functie.");
            await Screenshots.TakeAsync(respondent, TestContext, "respondent-returned-remark.nl");
            await question.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
            await PageActions.ClickToNextPageAsync(respondent.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }));
            await Assertions.Expect(respondent.Locator("[role=status]").First).ToContainTextAsync("Uw antwoorden zijn opgeslagen.");
            await respondent.GotoAsync($"/deelnames/{world.OwnParticipation}/overzicht");
            await PageActions.ClickToNextPageAsync(respondent.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }));
            await PageActions.ClickToNextPageAsync(respondent.GetByRole(AriaRole.Button, new() { Name = "Ja, vragenlijst indienen" }));
            await Assertions.Expect(respondent.Locator("[role=status]").First).ToContainTextAsync("De vragenlijst is ingediend.");
        }
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnParticipation));

        // The analyst accepts the resubmission.
        await page.GotoAsync($"/bureau/deelnames/{world.OwnParticipation}/beoordeling");
        var recomputed = SectorViews.NextPublishAsync(BureauWorld.OpenRound, "universiteit");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Accepteren…" }));
        Assert.AreEqual($"Vragenlijst van {BureauWorld.OwnName} definitief accepteren?", await PageActions.HeadingAsync(page));
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ja, definitief accepteren" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("geaccepteerd");
        Assert.AreEqual("accepted", await world.StatusOfAsync(world.OwnParticipation));

        // The accept enqueued the recompute; the in-memory job server runs it in the background. Once it has
        // published the view, the sector page links to it.
        await recomputed.WaitAsync(Timeouts.Default);
        await page.GotoAsync($"/bureau/rondes/{BureauWorld.OpenRound}/sectoren");
        await Screenshots.TakeAsync(page, TestContext, "bureau-sectors-after-accept.nl");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Intern beeld van Universiteiten" }));
        Assert.AreEqual($"Sectorbeeld Universiteiten: Ronde {BureauWorld.OpenRound}", await PageActions.HeadingAsync(page));
        Assert.Contains("Instellingen in de berekening\n1", await page.Locator("main dl").First.InnerTextAsync());
    }

    [TestMethod]
    public async Task The_ministry_reads_the_published_sector_view_and_no_participation_exists_for_it()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, world.MinistryToken);

        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Gepubliceerde rondes" }));
        Assert.AreEqual("Gepubliceerde rondes", await PageActions.HeadingAsync(page));
        Assert.DoesNotContain(BureauWorld.OpenRound, await page.Locator("main").InnerTextAsync(), "only published rounds");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Sectorbeeld Universiteiten" }));
        Assert.AreEqual($"Sectorbeeld Universiteiten: Ronde {BureauWorld.PublishedRound}", await PageActions.HeadingAsync(page));
        var report = page.GetByRole(AriaRole.Link, new() { Name = "Sectorrapport (HTML)" });
        Assert.AreEqual($"/api/v1/rounds/{BureauWorld.PublishedRound}/sector-views/universiteit/report?lang=nl", await report.GetAttributeAsync("href"));
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Instellingen in de berekening\n6", main);
        Assert.DoesNotContain(BureauWorld.OwnName, main, "a sector view names no institution");
        await Screenshots.TakeAsync(page, TestContext, "ministry-sector.nl");

        var bureauPage = await page.GotoAsync($"/bureau/deelnames/{world.PublishedParticipation}");
        Assert.AreEqual(404, bureauPage!.Status);
        Assert.AreEqual("Pagina niet gevonden", await PageActions.HeadingAsync(page));
        var api = await page.GotoAsync($"/api/v1/participations/{world.PublishedParticipation}");
        Assert.AreEqual(404, api!.Status);
        var dashboard = await page.GotoAsync($"/bureau/rondes/{BureauWorld.PublishedRound}");
        Assert.AreEqual(404, dashboard!.Status);
    }
}
