using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>Keyboard-only use: the skip link comes first and moves focus to the content; every stop shows its focus.</summary>
[TestClass]
public sealed class KeyboardTests
{
    private static WebApp app = null!;
    private static Chromium chromium = null!;
    private static string token = "";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start();
        token = await app.UserWithTokenAsync("Karel Toets");
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
    public async Task Tab_reaches_the_skip_link_first_and_it_moves_focus_to_main()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/toegankelijkheid");

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.Locator("a.utrecht-skip-link");
        Assert.IsTrue(await skipLink.EvaluateAsync<bool>("e => e === document.activeElement"), "the first Tab stop is the skip link");
        Assert.AreEqual("Direct naar de inhoud", await skipLink.InnerTextAsync());
        var box = await skipLink.BoundingBoxAsync();
        Assert.IsNotNull(box);
        Assert.IsGreaterThanOrEqualTo(0f, box.Y, "the focused skip link is on screen");
        await Screenshots.TakeAsync(page, TestContext, "skip-link-focused.nl");

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#inhoud")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.IsTrue(await page.EvaluateAsync<bool>("document.querySelector('main').contains(document.activeElement)"),
            "the next Tab stop after the skip link is inside the content");
    }

    [TestMethod]
    public async Task Every_tab_stop_shows_a_visible_focus_indicator()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, token);
        await page.GotoAsync("/aanmelden");

        // An element is told apart by the start of its markup: long enough to include a menu link's href, since the
        // bureau's menu links share their first 80 characters.
        var stops = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusStyle?>(
                """
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return null;
                  const s = getComputedStyle(e);
                  return { element: e.outerHTML.slice(0, 160), outline: s.outlineStyle + ' ' + s.outlineWidth, boxShadow: s.boxShadow };
                }
                """);
            if (focus is null || stops.Contains(focus.Element))
            {
                break;
            }
            stops.Add(focus.Element);
            var outlined = !focus.Outline.StartsWith("none", StringComparison.Ordinal) && !focus.Outline.EndsWith(" 0px", StringComparison.Ordinal);
            Assert.IsTrue(outlined || focus.BoxShadow != "none", $"no visible focus on {focus.Element}: outline {focus.Outline}, shadow {focus.BoxShadow}");
        }

        // Skip link, language, sign-out, two menu links, the token field, the button, the footer link, at least.
        Assert.IsGreaterThanOrEqualTo(8, stops.Count, string.Join(Environment.NewLine, stops));
    }

    [TestMethod]
    public async Task A_keyboard_user_signs_in_without_a_mouse()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/aanmelden");

        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("document.activeElement.id") != "token"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.AreEqual("token", await page.EvaluateAsync<string>("document.activeElement.id"), "Tab reaches the token field");
        await page.Keyboard.TypeAsync(token);
        await PageActions.NavigateByAsync(page, () => page.Keyboard.PressAsync("Enter"));

        // Names the heading it found if it is not the expected one.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welkom, Karel Toets");
        Assert.AreEqual(app.Url("/").ToString(), page.Url);
    }

    /// <summary>Filled by Playwright from the script's result, hence settable properties.</summary>
    private sealed class FocusStyle
    {
        public string Element { get; set; } = "";

        public string Outline { get; set; } = "";

        public string BoxShadow { get; set; } = "";
    }
}
