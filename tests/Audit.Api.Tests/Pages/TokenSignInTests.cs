using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Access;
using Audit.Api.Tests.Infrastructure;

namespace Audit.Api.Tests.Pages;

/// <summary>The token form on /aanmelden: off unless configured, antiforgery-protected, never an open redirect.</summary>
[TestClass]
public sealed class TokenSignInTests
{
    private static AuditApp AppWithTokenSignIn()
    {
        var app = new AuditApp();
        app.Settings["Audit:Pages:TokenSignIn"] = "true";
        return app;
    }

    [TestMethod]
    public async Task Outside_development_the_form_is_absent_and_its_post_is_404()
    {
        await using var app = new AuditApp();
        using var browser = Browser.For(app);
        var token = await Browser.UserWithTokenAsync(app, "Anna");

        var page = await browser.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        var post = await Browser.PostFormAsync(browser, "/aanmelden", ("token", token));

        Assert.DoesNotContain("name=\"token\"", page);
        Assert.AreEqual(HttpStatusCode.NotFound, post.StatusCode);
    }

    [TestMethod]
    public async Task A_token_signs_in_with_a_session_cookie_and_returns_to_the_page_asked_for()
    {
        await using var app = AppWithTokenSignIn();
        using var browser = Browser.For(app);
        var token = await Browser.UserWithTokenAsync(app, "Anna de Vries");
        var antiforgery = await Browser.AntiforgeryAsync(browser, "/aanmelden?terug=/mijn-gegevens");

        var response = await Browser.PostFormAsync(browser, "/aanmelden",
            ("__RequestVerificationToken", antiforgery), ("token", $"  {token} "), ("terug", "/mijn-gegevens"));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/mijn-gegevens", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookieHandler.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        Assert.DoesNotContain(token, cookie, "the session is a new secret, not the token");
        var account = await browser.GetStringAsync(new Uri("/mijn-gegevens", UriKind.Relative));
        Assert.Contains("Anna de Vries", account);
        var me = await browser.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative));
        Assert.AreEqual("Anna de Vries", me.GetProperty("name").GetString());
    }

    [TestMethod]
    public async Task A_return_address_off_the_site_is_ignored()
    {
        await using var app = AppWithTokenSignIn();
        using var browser = Browser.For(app);
        var token = await Browser.UserWithTokenAsync(app, "Anna");
        var antiforgery = await Browser.AntiforgeryAsync(browser, "/aanmelden");

        var response = await Browser.PostFormAsync(browser, "/aanmelden",
            ("__RequestVerificationToken", antiforgery), ("token", token), ("terug", "//evil.example/x"));

        Assert.AreEqual("/", response.Headers.Location?.OriginalString);
    }

    [TestMethod]
    public async Task Without_the_antiforgery_field_the_form_is_refused()
    {
        await using var app = AppWithTokenSignIn();
        using var browser = Browser.For(app);
        var token = await Browser.UserWithTokenAsync(app, "Anna");

        var response = await Browser.PostFormAsync(browser, "/aanmelden", ("token", token));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het formulier is verlopen", await response.Content.ReadAsStringAsync());
        Assert.IsFalse(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(SessionCookieHandler.CookieName + "=", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task An_unknown_token_is_named_at_the_field_it_belongs_to()
    {
        await using var app = AppWithTokenSignIn();
        using var browser = Browser.For(app);
        var antiforgery = await Browser.AntiforgeryAsync(browser, "/aanmelden");

        var response = await Browser.PostFormAsync(browser, "/aanmelden", ("__RequestVerificationToken", antiforgery), ("token", "aud_unknown"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Fout: Aanmelden", html);
        Assert.Contains("id=\"token-error\"", html);
        Assert.Contains("aria-describedby=\"token-description token-error\" aria-invalid=\"true\"", html);
    }

    [TestMethod]
    public async Task Signing_out_ends_the_session()
    {
        await using var app = AppWithTokenSignIn();
        using var browser = Browser.For(app);
        var token = await Browser.UserWithTokenAsync(app, "Anna");
        await Browser.PostFormAsync(browser, "/aanmelden", ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, "/aanmelden")), ("token", token));

        var signOut = await Browser.PostFormAsync(browser, "/afmelden", ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, "/")));
        var after = await browser.GetAsync(new Uri("/mijn-gegevens", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.AreEqual(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/aanmelden", after.Headers.Location!.OriginalString);
    }
}
