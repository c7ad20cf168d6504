using System.Text;
using Audit.Core.Access;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// axe-core finds no WCAG 2.1 A/AA violation on the bureau's questionnaire, user and audit log pages, in Dutch and
/// English, with and without form errors; each is saved as a screenshot at 1440 px and 390 px wide.
/// </summary>
[TestClass]
public sealed class AdminAccessibilityTests
{
    private const string BrokenQuestionnaire = "key: pilot\nversion: \"1\"\ntitle: \"\"\nthemes:\n  - key: t\n    title: T\n    questions:\n      - key: q\n        type: colour\n        text: Q\n";

    private static BureauSession session = null!;
    private static IPage admin = null!;
    private static string analystId = "";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        session = await BureauSession.StartAsync();
        admin = await session.Chromium.NewPageAsync(session.App);
        await PageActions.SignInWithTokenAsync(admin, await session.App.UserWithTokenAsync("Bea Beheer", Role.Admin));
        analystId = (await session.App.Services.GetRequiredService<IUserRepository>().ListAsync()).First(u => u.Name == "Ada Analist").Id;
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
        var wide = page.ViewportSize;
        try
        {
            await page.SetViewportSizeAsync(390, 844);
            Assert.AreEqual(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), $"{name}.{lang}: no sideways scrolling on a phone");
            await Screenshots.TakeAsync(page, TestContext, $"{name}.{lang}.390");
            await AccessibilityCheck.AssertNoViolationsAsync(page, $"{name}.{lang}.390");
        }
        finally
        {
            await page.SetViewportSizeAsync(wide?.Width ?? 1440, wide?.Height ?? 900);
        }
    }

    [TestMethod]
    [DataRow("/bureau/vragenlijsten", "admin-questionnaires")]
    [DataRow("/bureau/vragenlijsten/kennisveiligheid/2025", "admin-questionnaire-preview")]
    [DataRow("/bureau/vragenlijsten/kennisveiligheid/2025/vergelijking?met=2023", "admin-questionnaire-compare")]
    [DataRow("/bureau/gebruikers", "admin-users")]
    [DataRow("/bureau/gebruikers/{analyst}", "admin-user")]
    [DataRow("/bureau/auditlog", "admin-audit-log")]
    public async Task The_page_has_no_wcag_violations_in_dutch_and_english(string path, string name)
    {
        var url = path.Replace("{analyst}", analystId, StringComparison.Ordinal);
        foreach (var lang in new[] { "nl", "en" })
        {
            var response = await admin.GotoAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            Assert.AreEqual(200, response!.Status, $"{name}.{lang}");
            await CheckAsync(admin, name, lang);
        }
    }

    [TestMethod]
    public async Task The_forms_with_errors_have_no_wcag_violations()
    {
        await using var context = await session.Chromium.NewContextAsync(session.App);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, await session.App.UserWithTokenAsync("Bo Beheer", Role.Admin));

        foreach (var lang in new[] { "nl", "en" })
        {
            await page.GotoAsync($"/bureau/vragenlijsten?lang={lang}");
            await page.Locator("#bestand").SetInputFilesAsync(new FilePayload { Name = "pilot.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(BrokenQuestionnaire) });
            await PageActions.ClickToNextPageAsync(page.Locator("form[enctype] button[type=submit]"));
            await Assertions.Expect(page.Locator("#fouten")).ToContainTextAsync("themes[0].questions[0].type");
            Assert.StartsWith(lang == "nl" ? "Fout: " : "Error: ", await page.TitleAsync());
            await CheckAsync(page, "admin-questionnaires-errors", lang);

            await page.GotoAsync($"/bureau/gebruikers?lang={lang}");
            await page.Locator("#nieuw-email").FillAsync("geen adres");
            await PageActions.ClickToNextPageAsync(page.Locator("form[action='/bureau/gebruikers'] button[type=submit]"));
            Assert.AreEqual("true", await page.Locator("#nieuw-naam").GetAttributeAsync("aria-invalid"));
            await CheckAsync(page, "admin-users-errors", lang);

            await page.GotoAsync($"/bureau/auditlog?van=2026-02-01&tot=2026-01-01&lang={lang}");
            Assert.AreEqual("true", await page.Locator("#tot").GetAttributeAsync("aria-invalid"));
            await CheckAsync(page, "admin-audit-log-errors", lang);
        }
    }
}
