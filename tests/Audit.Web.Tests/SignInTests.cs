using Audit.Api.Access;
using Audit.Core.Access;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>Signing in and out in a real browser, with JavaScript and without it.</summary>
[TestClass]
public sealed class SignInTests
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
        token = await app.UserWithTokenAsync("Anna de Vries");
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
    public async Task The_token_form_signs_in_and_shows_the_users_name()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();

        await PageActions.SignInWithTokenAsync(page, token);

        Assert.AreEqual(app.Url("/").ToString(), page.Url);
        Assert.AreEqual("Welkom, Anna de Vries", await PageActions.HeadingAsync(page));
        Assert.AreEqual("Aangemeld als Anna de Vries", await page.Locator("header .audit-tools p").InnerTextAsync());
        var session = (await context.CookiesAsync()).Single(c => c.Name == SessionCookieHandler.CookieName);
        Assert.IsTrue(session.HttpOnly && session.Secure, "the session cookie is HttpOnly and Secure");
        await Screenshots.TakeAsync(page, TestContext, "signed-in-start.nl");
    }

    [TestMethod]
    public async Task A_protected_page_sends_a_signed_out_visitor_to_sign_in_and_back()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/mijn-gegevens");
        Assert.AreEqual(app.Url("/aanmelden?terug=%2Fmijn-gegevens").ToString(), page.Url);

        await PageActions.SignInWithTokenAsync(page, token, from: page.Url);

        Assert.AreEqual(app.Url("/mijn-gegevens").ToString(), page.Url);
        Assert.AreEqual("Mijn gegevens", await PageActions.HeadingAsync(page));
        Assert.Contains("Anna de Vries", await page.Locator("main").InnerTextAsync());
    }

    [TestMethod]
    public async Task Without_javascript_the_forms_sign_in_and_out()
    {
        await using var context = await chromium.NewContextAsync(app, javaScript: false);
        var page = await context.NewPageAsync();

        await PageActions.SignInWithTokenAsync(page, token);
        Assert.AreEqual("Welkom, Anna de Vries", await PageActions.HeadingAsync(page));
        await Screenshots.TakeAsync(page, TestContext, "signed-in-no-js.nl");

        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }));

        Assert.AreEqual("Welkom bij de audit kennisveiligheid", await PageActions.HeadingAsync(page));
        Assert.DoesNotContain(SessionCookieHandler.CookieName, (await context.CookiesAsync()).Select(c => c.Name), "signing out removes the session cookie");
        await page.GotoAsync("/mijn-gegevens");
        Assert.StartsWith(app.Url("/aanmelden").ToString(), page.Url);
    }

    [TestMethod]
    public async Task An_invitation_link_signs_in_once()
    {
        var invitation = await app.InvitationForAsync("Ineke Uitgenodigd", Role.Ministry);
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();

        await page.GotoAsync(invitation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welkom, Ineke Uitgenodigd");
        await using var other = await chromium.NewContextAsync(app);
        var second = await other.NewPageAsync();
        await second.GotoAsync(invitation);
        await second.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Assertions.Expect(second.Locator("[role=alert]")).ToContainTextAsync("al gebruikt");
    }

    [TestMethod]
    public async Task A_wrong_token_is_reported_at_the_field()
    {
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();

        await PageActions.SubmitTokenAsync(page, "aud_not-a-real-token");

        var field = page.GetByLabel("Persoonlijk toegangstoken");
        Assert.AreEqual("true", await field.GetAttributeAsync("aria-invalid"));
        var describedBy = (await field.GetAttributeAsync("aria-describedby"))!.Split(' ');
        Assert.Contains("token-error", describedBy);
        Assert.Contains("onbekend", await page.Locator("#token-error").InnerTextAsync());
        Assert.StartsWith("Fout: ", await page.TitleAsync());
    }
}
