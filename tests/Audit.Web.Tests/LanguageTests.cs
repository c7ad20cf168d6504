using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>Dutch by default; the switch in the header changes the page and the choice sticks.</summary>
[TestClass]
public sealed class LanguageTests
{
    private static WebApp app = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => app = WebApp.Start();

    [ClassCleanup]
    public static async Task StopAsync() => await app.DisposeAsync();

    [TestMethod]
    public async Task The_language_switch_changes_the_page_and_is_remembered()
    {
        await using var context = await Chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.AreEqual("nl", await PageActions.LangAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        Assert.AreEqual("en", await PageActions.LangAsync(page));
        Assert.AreEqual("Welcome to the knowledge security audit", await PageActions.HeadingAsync(page));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

        Assert.AreEqual(app.Url("/aanmelden").ToString(), page.Url);
        Assert.AreEqual("en", await PageActions.LangAsync(page), "the choice is kept without ?lang=");
        Assert.AreEqual("Sign in", await PageActions.HeadingAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();

        Assert.AreEqual("nl", await PageActions.LangAsync(page));
        Assert.AreEqual("Aanmelden", await PageActions.HeadingAsync(page));
    }
}
