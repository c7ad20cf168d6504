using System.Text.RegularExpressions;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// The review form in a real browser (issue 17, "reviewing without mistakes"): compact at 390 and 1440 px, remark fields
/// behind "add a remark" that open without script, a return without a remark or summary refused at the summary, and an
/// accept only through the confirmation step; axe finds nothing on the form, its error and the confirmation, in Dutch
/// and English. The class has a service of its own: it accepts the one submitted participation.
/// </summary>
[TestClass]
public sealed class ReviewFormBrowserTests
{
    private static BureauSession session = null!;

    public TestContext TestContext { get; set; } = null!;

    private static BureauWorld world => session.World;

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

    private static string FormPath => $"/bureau/deelnames/{world.OwnParticipation}/beoordeling";

    private static ILocator Toggle(IPage page, string number) => page.Locator("summary", new() { HasTextRegex = new Regex($@" {Regex.Escape(number)}$") });

    /// <summary>The first part of the one test: it needs the participation submitted, and the last part accepts it.</summary>
    private async Task CompactAsync()
    {
        var page = session.Analyst;
        foreach (var width in new[] { 1440, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync(FormPath);
            var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
            await Screenshots.TakeAsync(page, TestContext, $"bureau-review-compact.{width}");
            var fields = await page.Locator("textarea[name^='opmerking:']").CountAsync();
            Assert.IsGreaterThan(10, fields);
            Assert.AreEqual(0, await page.Locator("textarea[name^='opmerking:']:visible").CountAsync(), "every remark field starts closed");
            Assert.AreEqual(0, await page.Locator("details.audit-review-remark[open]").CountAsync());
            // A budget per question, so that a longer questionnaire does not fail a compact form: the old form (a label and a
            // two-row box per question) took ~350 px a question; now ~150 at 1440 and ~200 at 390 px.
            var limit = fields * (width == 1440 ? 165 : 230);
            Assert.IsLessThan(limit, height, $"{width} px: the page is {height} px high for {fields} questions");
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.IsFalse(overflow, $"{width} px: nothing scrolls sideways");
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>
    /// One test in three parts, in this order: the form's size, axe on the form and the confirmation (nothing stored),
    /// then the guards without JavaScript, ending with the accept. Separate tests could run in any order.
    /// </summary>
    [TestMethod]
    public async Task The_form_is_compact_passes_axe_in_dutch_and_english_and_its_guards_work_without_javascript()
    {
        await CompactAsync();
        await using var context = await session.Chromium.NewContextAsync(session.App);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, world.AnalystToken);
        var texts = new Dictionary<string, (string Toggle, string Accept, string Heading, string Back)>
        {
            ["nl"] = ("bij vraag 1.1", "Accepteren…", "definitief accepteren?", "Terug naar de beoordeling"),
            ["en"] = ("on question 1.1", "Accept…", "for good?", "Back to the review"),
        };
        foreach (var (lang, t) in texts)
        {
            await page.GotoAsync(FormPath + "?lang=" + lang);
            await Toggle(page, t.Toggle[^3..]).ClickAsync();
            await Assertions.Expect(page.Locator("#opmerking-governance-bestuurder")).ToBeVisibleAsync();
            await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"bureau-review-remark-open.{lang}", lang);

            await page.Locator("#samenvatting").FillAsync("Alles is volledig.");
            await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = t.Accept, Exact = true }));
            Assert.EndsWith(t.Heading, await PageActions.HeadingAsync(page));
            await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"bureau-review-confirm.{lang}", lang);
            await page.SetViewportSizeAsync(390, 900);
            await Screenshots.TakeAsync(page, TestContext, $"bureau-review-confirm.{lang}.390");
            await page.SetViewportSizeAsync(1280, 900);
            await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = t.Back }));
            await Assertions.Expect(page.Locator("#samenvatting")).ToHaveValueAsync("Alles is volledig.");
        }
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnParticipation), "nothing was accepted");
        await WithoutJavaScriptAsync();
    }

    /// <summary>The last part of the one test: it accepts.</summary>
    private async Task WithoutJavaScriptAsync()
    {
        await using var context = await session.Chromium.NewContextAsync(session.App, javaScript: false);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, world.AnalystToken);
        await page.GotoAsync(FormPath);

        // Return with nothing written: refused, the error links to the summary.
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Terugsturen met opmerkingen" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Schrijf minstens één opmerking bij een vraag of een samenvatting.");
        Assert.AreEqual("true", await page.Locator("#samenvatting").GetAttributeAsync("aria-invalid"));
        Assert.AreEqual("#samenvatting", await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnParticipation));

        // A details element opens without script.
        await Toggle(page, "1.1").ClickAsync();
        await page.GetByLabel("Opmerking bij vraag 1.1 (niet verplicht)").FillAsync("Mooi beschreven.");

        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Accepteren…" }));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Definitief: antwoorden kunnen daarna niet meer worden gewijzigd");
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnParticipation), "the first press stores nothing");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ja, definitief accepteren" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("geaccepteerd");
        Assert.AreEqual("accepted", await world.StatusOfAsync(world.OwnParticipation));
    }
}
