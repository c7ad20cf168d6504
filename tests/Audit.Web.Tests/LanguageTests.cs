using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>Dutch by default; the switch in the header changes the page and the choice sticks.</summary>
[TestClass]
public sealed class LanguageTests
{
    private static WebApp app = null!;
    private static Chromium chromium = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start();
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
    public async Task The_language_switch_changes_the_page_and_is_remembered()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.AreEqual("nl", await PageActions.LangAsync(page));

        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "English" }));

        Assert.AreEqual("en", await PageActions.LangAsync(page));
        Assert.AreEqual("Welcome to the knowledge security audit", await PageActions.HeadingAsync(page));

        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" }));

        Assert.AreEqual(app.Url("/aanmelden").ToString(), page.Url);
        Assert.AreEqual("en", await PageActions.LangAsync(page), "the choice is kept without ?lang=");
        Assert.AreEqual("Sign in", await PageActions.HeadingAsync(page));

        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }));

        Assert.AreEqual("nl", await PageActions.LangAsync(page));
        Assert.AreEqual("Aanmelden", await PageActions.HeadingAsync(page));
    }
}
