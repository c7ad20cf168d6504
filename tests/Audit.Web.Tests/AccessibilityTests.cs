using System.Text;
using Audit.Web.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// axe-core finds no WCAG 2.1 A/AA violation on any page type, in Dutch and in English, and every page has the
/// structure a screen-reader user relies on: a lang attribute, one h1 and the banner, navigation, main and
/// contentinfo landmarks. Each page is also saved as a screenshot for review.
/// </summary>
[TestClass]
public sealed class AccessibilityTests
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static WebApp app = null!;
    private static string token = "";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        app = WebApp.Start();
        token = await app.UserWithTokenAsync("Anna de Vries");
    }

    [ClassCleanup]
    public static async Task StopAsync() => await app.DisposeAsync();

    [TestMethod]
    [DataRow("/", "start", false)]
    [DataRow("/aanmelden", "sign-in", false)]
    [DataRow("/toegankelijkheid", "accessibility", false)]
    [DataRow("/", "start-signed-in", true)]
    [DataRow("/mijn-gegevens", "account", true)]
    [DataRow("/bestaat-niet", "not-found", true)]
    public async Task The_page_has_no_wcag_violations_in_dutch_and_english(string path, string name, bool signedIn)
    {
        await using var context = await Chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        if (signedIn)
        {
            await PageActions.SignInWithTokenAsync(page, token);
        }

        foreach (var lang in new[] { "nl", "en" })
        {
            var response = await page.GotoAsync($"{path}?lang={lang}");
            Assert.AreEqual(name == "not-found" ? 404 : 200, response!.Status, $"{name}.{lang}");
            await AssertAccessibleAsync(page, $"{name}.{lang}", lang);
        }
    }

    [TestMethod]
    public async Task The_sign_in_form_with_an_error_has_no_wcag_violations()
    {
        await using var context = await Chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();

        await PageActions.SignInWithTokenAsync(page, "aud_wrong-token");

        Assert.AreEqual("true", await page.Locator("#token").GetAttributeAsync("aria-invalid"));
        await AssertAccessibleAsync(page, "sign-in-error.nl", "nl");
    }

    [TestMethod]
    public async Task The_invitation_page_has_no_wcag_violations_before_and_after_use()
    {
        var invitation = await app.InvitationForAsync("Ineke Uitgenodigd");
        await using var context = await Chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync(invitation);
        await AssertAccessibleAsync(page, "invitation.nl", "nl");
        await page.GotoAsync(invitation + "?lang=en");
        await AssertAccessibleAsync(page, "invitation.en", "en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Ineke Uitgenodigd");

        await using var other = await Chromium.NewContextAsync(app);
        var used = await other.NewPageAsync();
        await used.GotoAsync(invitation);
        await used.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Assertions.Expect(used.Locator("[role=alert]")).ToBeVisibleAsync();
        await AssertAccessibleAsync(used, "invitation-used.nl", "nl");
    }

    private async Task AssertAccessibleAsync(IPage page, string name, string lang)
    {
        await Screenshots.TakeAsync(page, TestContext, name);
        Assert.AreEqual(lang, await PageActions.LangAsync(page), name);
        Assert.AreEqual(1, await page.Locator("h1").CountAsync(), $"{name}: exactly one h1");
        Assert.AreEqual(1, await page.Locator("body > header").CountAsync(), $"{name}: a banner");
        Assert.AreEqual(1, await page.Locator("main#inhoud").CountAsync(), $"{name}: one main");
        Assert.AreEqual(1, await page.Locator("body > footer").CountAsync(), $"{name}: a contentinfo");
        Assert.IsGreaterThanOrEqualTo(1, await page.Locator("nav[aria-label]").CountAsync(), $"{name}: labelled navigation");

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });

        Assert.IsEmpty(result.Violations, $"{name}:{Environment.NewLine}{Describe(result.Violations)}");
        Assert.IsNotEmpty(result.Passes, $"{name}: axe ran its rules");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine($"    {string.Join(" ", node.Target)}: {node.Html}");
            }
        }
        return text.ToString();
    }
}
