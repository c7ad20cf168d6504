using System.Text.RegularExpressions;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// axe-core finds no WCAG 2.1 A/AA violation on the bureau's and the ministry's pages, in Dutch and English, with and
/// without form errors; each is saved as a screenshot. The same structural checks as <see cref="AccessibilityTests"/>.
/// </summary>
[TestClass]
public sealed class BureauAccessibilityTests
{
    private static BureauSession session = null!;

    public TestContext TestContext { get; set; } = null!;

    private static BureauWorld world => session.World;

    private static IPage analyst => session.Analyst;

    private static IPage ministry => session.Ministry;

    /// <summary>
    /// The page tests only read, so they share one signed-in page per role. The form tests post, so they have a
    /// browser context of their own. The reports are in <see cref="BureauReportAccessibilityTests"/>.
    /// </summary>
    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => session = await BureauSession.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    [TestMethod]
    [DataRow("/bureau/rondes", "bureau-rounds", false)]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound + "?status=submitted", "bureau-dashboard", false)]
    [DataRow("/bureau/deelnames/{open}", "bureau-participation", false)]
    [DataRow("/bureau/deelnames/{open}/beoordeling", "bureau-review", false)]
    [DataRow("/bureau/deelnames/{published}/beoordeling", "bureau-review-closed", false)]
    [DataRow("/bureau/deelnames/{open}/bevindingen", "bureau-findings", false)]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "/sectoren", "bureau-sectors", false)]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "/sectoren/universiteit", "bureau-sector-internal", false)]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "/sectoren/universiteit?weergave=gepubliceerd", "bureau-sector-published", false)]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound + "/sectoren/universiteit/bevindingen", "bureau-sector-findings-editor", false)]
    [DataRow("/ministerie/rondes", "ministry-rounds", true)]
    [DataRow("/ministerie/rondes/" + BureauWorld.PublishedRound + "/sectoren/universiteit", "ministry-sector", true)]
    public async Task The_page_has_no_wcag_violations_in_dutch_and_english(string path, string name, bool ministry)
    {
        var page = ministry ? BureauAccessibilityTests.ministry : analyst;
        var url = path.Replace("{open}", world.OwnParticipation, StringComparison.Ordinal)
            .Replace("{published}", world.PublishedParticipation, StringComparison.Ordinal);

        foreach (var lang in new[] { "nl", "en" })
        {
            var response = await page.GotoAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            Assert.AreEqual(200, response!.Status, $"{name}.{lang}");
            await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"{name}.{lang}", lang);
        }
    }

    [TestMethod]
    public async Task The_review_form_with_an_error_has_no_wcag_violations()
    {
        await using var context = await session.Chromium.NewContextAsync(session.App);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, world.AnalystToken);
        await page.GotoAsync($"/bureau/deelnames/{world.OwnParticipation}/beoordeling");

        var remark = page.GetByLabel("Opmerking bij vraag 1.1 (niet verplicht)");
        await page.Locator("summary", new() { HasTextRegex = new Regex(@"bij vraag 1\.1$") }).ClickAsync();
        await remark.FillAsync(new string('x', 10_001));
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Terugsturen met opmerkingen" }));

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("hoogstens 10.000 tekens");
        Assert.AreEqual("true", await remark.GetAttributeAsync("aria-invalid"));
        Assert.StartsWith("Fout: ", await page.TitleAsync());
        await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(remark, "the summary's link moves focus to the field").ToBeFocusedAsync();
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, "bureau-review-error.nl", "nl");
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnParticipation));
    }

    [TestMethod]
    public async Task The_findings_form_with_an_error_has_no_wcag_violations()
    {
        await using var context = await session.Chromium.NewContextAsync(session.App);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, world.AnalystToken);
        await page.GotoAsync($"/bureau/deelnames/{world.OwnParticipation}/bevindingen?lang=en");

        await page.Locator("#aanbeveling-governance").FillAsync("A recommendation without a finding.");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save" }));

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Write a finding");
        Assert.AreEqual("true", await page.Locator("#bevinding-governance").GetAttributeAsync("aria-invalid"));
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, "bureau-findings-error.en", "en");
    }
    /// <summary>
    /// Four eyes end to end: analyst A writes the cycle summary (first with an error, linked to the field), analyst B
    /// opens the approval from the cycle page, reads the rendered text and approves that version. axe on every step.
    /// </summary>
    [TestMethod]
    public async Task One_analyst_writes_the_cycle_summary_and_another_approves_it()
    {
        var path = "/bureau/cycli/" + BureauWorld.Cycle;
        await using var adaContext = await session.Chromium.NewContextAsync(session.App);
        var ada = await adaContext.NewPageAsync();
        await PageActions.SignInWithTokenAsync(ada, world.AnalystToken);
        await ada.GotoAsync(path);
        var save = ada.GetByRole(AriaRole.Button, new() { Name = "Samenvatting opslaan" });
        await PageActions.ClickToNextPageAsync(save);
        await Assertions.Expect(ada.GetByRole(AriaRole.Alert)).ToContainTextAsync("Schrijf een samenvatting");
        Assert.AreEqual("true", await ada.Locator("#samenvatting").GetAttributeAsync("aria-invalid"));
        await AccessibilityCheck.AssertAccessibleAsync(ada, TestContext, "bureau-cycle-error.nl", "nl");

        await ada.Locator("#samenvatting").FillAsync("De **basis** is gelegd.\n\n- De borging blijft achter.");
        await PageActions.ClickToNextPageAsync(save);
        await Assertions.Expect(ada.GetByRole(AriaRole.Status)).ToContainTextAsync("De samenvatting is opgeslagen.");
        await Assertions.Expect(ada.Locator("[data-status=findings-draft]")).ToBeVisibleAsync();
        Assert.AreEqual(0, await ada.Locator($"a[href='{path}/goedkeuring']").CountAsync(), "the author is not offered the approval");
        await AccessibilityCheck.AssertAccessibleAsync(ada, TestContext, "bureau-cycle.nl", "nl");

        await using var benContext = await session.Chromium.NewContextAsync(session.App);
        var ben = await benContext.NewPageAsync();
        await PageActions.SignInWithTokenAsync(ben, await session.App.UserWithTokenAsync("Ben Tweede"));
        await ben.GotoAsync(path);
        await PageActions.ClickToNextPageAsync(ben.GetByRole(AriaRole.Link, new() { Name = "Versie 1 lezen en goedkeuren" }));
        await Assertions.Expect(ben.Locator("main strong", new() { HasText = "basis" })).ToBeVisibleAsync();
        await AccessibilityCheck.AssertAccessibleAsync(ben, TestContext, "bureau-cycle-approval.nl", "nl");
        await PageActions.ClickToNextPageAsync(ben.GetByRole(AriaRole.Button, new() { Name = "Versie 1 goedkeuren" }));
        await Assertions.Expect(ben.GetByRole(AriaRole.Status)).ToContainTextAsync("De samenvatting is goedgekeurd.");
        await Assertions.Expect(ben.Locator("[data-status=findings-approved]")).ToBeVisibleAsync();
        await ben.GotoAsync(path + "?lang=en");
        await Assertions.Expect(ben.Locator("[data-status=findings-approved]")).ToHaveTextAsync("Approved");
        await AccessibilityCheck.AssertAccessibleAsync(ben, TestContext, "bureau-cycle-approved.en", "en");
    }
}
