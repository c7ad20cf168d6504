using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// axe-core finds no WCAG 2.1 A/AA violation on any page type, in Dutch and in English, and every page has the
/// structure a screen-reader user relies on: a lang attribute, one h1 and the banner, navigation, main and
/// contentinfo landmarks. Each page is also saved as a screenshot for review.
/// </summary>
/// <remarks>
/// The page tests only read, so they share one page for a visitor and one signed in; each names its language in the
/// URL. The tests that sign in with a wrong token or use an invitation have a browser context of their own.
/// </remarks>
[TestClass]
public sealed class AccessibilityTests
{
    private static WebApp app = null!;
    private static Chromium chromium = null!;
    private static IPage visitor = null!;
    private static IPage member = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start();
        var token = await app.UserWithTokenAsync("Anna de Vries");
        visitor = await chromium.NewPageAsync(app);
        member = await chromium.NewPageAsync(app);
        await PageActions.SignInWithTokenAsync(member, token);
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
    [DataRow("/", "start", false)]
    [DataRow("/aanmelden", "sign-in", false)]
    [DataRow("/toegankelijkheid", "accessibility", false)]
    [DataRow("/", "start-signed-in", true)]
    [DataRow("/mijn-gegevens", "account", true)]
    [DataRow("/bestaat-niet", "not-found", true)]
    public async Task The_page_has_no_wcag_violations_in_dutch_and_english(string path, string name, bool signedIn)
    {
        var page = signedIn ? member : visitor;

        foreach (var lang in new[] { "nl", "en" })
        {
            var response = await page.GotoAsync($"{path}?lang={lang}");
            Assert.AreEqual(name == "not-found" ? 404 : 200, response!.Status, $"{name}.{lang}");
            await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"{name}.{lang}", lang);
        }
    }

    [TestMethod]
    public async Task The_sign_in_form_with_an_error_has_no_wcag_violations()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();

        await PageActions.SubmitTokenAsync(page, "aud_wrong-token");

        Assert.AreEqual("true", await page.Locator("#token").GetAttributeAsync("aria-invalid"));
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, "sign-in-error.nl", "nl");
    }

    [TestMethod]
    public async Task The_invitation_page_has_no_wcag_violations_before_and_after_use()
    {
        var invitation = await app.InvitationForAsync("Ineke Uitgenodigd");
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync(invitation);
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, "invitation.nl", "nl");
        await page.GotoAsync(invitation + "?lang=en");
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, "invitation.en", "en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Ineke Uitgenodigd");

        await using var other = await chromium.NewContextAsync(app);
        var used = await other.NewPageAsync();
        await used.GotoAsync(invitation);
        await PageActions.ClickToNextPageAsync(used.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }));
        await Assertions.Expect(used.Locator("[role=alert]")).ToBeVisibleAsync();
        await AccessibilityCheck.AssertAccessibleAsync(used, TestContext, "invitation-used.nl", "nl");
    }
}
