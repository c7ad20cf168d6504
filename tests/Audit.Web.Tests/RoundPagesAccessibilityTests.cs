using Audit.Core.Access;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// Issue 17: the pages that create and change a round and manage its institutions pass axe (WCAG 2.1 A/AA) in Dutch
/// and English, with and without form errors, signed in as an admin (an analyst sees no forms there); creating a round
/// and the removal's confirmation work without JavaScript. Each page is saved as a screenshot, at phone and desktop width.
/// </summary>
[TestClass]
public sealed class RoundPagesAccessibilityTests
{
    private static BureauSession session = null!;

    private static IBrowserContext admin = null!;

    private static IBrowserContext adminWithoutScript = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        session = await BureauSession.StartAsync();
        var token = await session.App.UserWithTokenAsync("Bea Beheer", Role.Admin);
        // axe runs as a script, so the checks need it; the forms are then used without it.
        admin = await session.Chromium.NewContextAsync(session.App);
        await PageActions.SignInWithTokenAsync(await admin.NewPageAsync(), token);
        adminWithoutScript = await session.Chromium.NewContextAsync(session.App, javaScript: false);
        await PageActions.SignInWithTokenAsync(await adminWithoutScript.NewPageAsync(), token);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    private async Task CheckAsync(IPage page, string name, string lang)
    {
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"{name}.{lang}", lang);
        await page.SetViewportSizeAsync(390, 844);
        await Screenshots.TakeAsync(page, TestContext, $"{name}.{lang}.390");
        await page.SetViewportSizeAsync(1440, 900);
        await Screenshots.TakeAsync(page, TestContext, $"{name}.{lang}.1440");
    }

    [TestMethod]
    [DataRow("/bureau/rondes/nieuw", "bureau-round-new")]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound + "/wijzigen", "bureau-round-edit")]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound + "/instellingen", "bureau-round-institutions")]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "/instellingen", "bureau-round-institutions-published")]
    public async Task The_page_has_no_wcag_violations_in_dutch_and_english(string path, string name)
    {
        var page = await admin.NewPageAsync();
        foreach (var lang in new[] { "nl", "en" })
        {
            var response = await page.GotoAsync(path + "?lang=" + lang);
            Assert.AreEqual(200, response!.Status, $"{name}.{lang}");
            await CheckAsync(page, name, lang);
        }
        await page.GotoAsync("/bureau/rondes?lang=nl");
    }

    [TestMethod]
    public async Task The_new_round_form_with_errors_has_no_wcag_violations_and_links_each_error_to_its_field()
    {
        var page = await admin.NewPageAsync();
        foreach (var lang in new[] { "nl", "en" })
        {
            await page.GotoAsync("/bureau/rondes/nieuw?lang=" + lang);
            await page.Locator("#titel").FillAsync("");
            await page.Locator("#peildatum").FillAsync("2026-01-01");
            await PageActions.ClickToNextPageAsync(page.Locator("form.audit-form button[type=submit]"));

            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            Assert.AreEqual("true", await page.Locator("#titel").GetAttributeAsync("aria-invalid"));
            await CheckAsync(page, "bureau-round-new-errors", lang);
        }
        await page.GotoAsync("/bureau/rondes?lang=nl");
    }

    [TestMethod]
    public async Task Creating_a_round_for_all_universities_and_removing_an_answered_institution_work_without_script()
    {
        var page = await adminWithoutScript.NewPageAsync();
        await page.GotoAsync("/bureau/rondes/nieuw?lang=nl");
        await page.GetByLabel("Titel").FillAsync("Audit 2026");
        await page.GetByLabel("Kenmerk").FillAsync("web-2026");
        await page.GetByLabel("Vragenlijst").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Opent op").FillAsync("2026-03-01T09:00");
        await page.GetByLabel("Sluit op (deadline)").FillAsync("2026-06-30T17:00");
        await page.GetByLabel("Peildatum").FillAsync("2026-01-01");
        await page.GetByLabel("Alle universiteiten").CheckAsync();
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ronde aanmaken" }));

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("instelling(en) doen mee");
        Assert.Contains("/bureau/rondes/web-2026/instellingen", page.Url);

        // The open round's own institution has submitted: removing it asks first, and "no" keeps it.
        await page.GotoAsync("/bureau/rondes/" + BureauWorld.OpenRound + "/instellingen?lang=nl");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Verwijderen " + BureauWorld.OwnName }));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(BureauWorld.OwnName);
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Nee, terug naar de instellingen" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = BureauWorld.OwnName })).ToBeVisibleAsync();

        // The confirmation page is the answer to a post: axe checks its HTML in the scripted context.
        var scripted = await admin.NewPageAsync();
        await scripted.GotoAsync("/bureau/rondes/" + BureauWorld.OpenRound + "/instellingen?lang=nl");
        await PageActions.ClickToNextPageAsync(scripted.GetByRole(AriaRole.Button, new() { Name = "Verwijderen " + BureauWorld.OwnName }));
        await CheckAsync(scripted, "bureau-participation-remove", "nl");
    }
}
