using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Access;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Pages;
using Audit.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Audit.Api.Tests.Access;

/// <summary>
/// Web sessions end when they should: with the personal access token they came from, when the browser signs in again,
/// and after a spell of disuse; and their cookie cannot be planted from a sibling host or over plain HTTP.
/// </summary>
[TestClass]
public sealed class SessionTests
{
    private const string HostCookie = "__Host-audit_session";

    private static AuditApp AppWithTokenSignIn(ManualClock? clock = null)
    {
        var app = new AuditApp();
        app.Settings["Audit:Pages:TokenSignIn"] = "true";
        if (clock is not null)
        {
            app.TestServices = services => services.AddSingleton<TimeProvider>(clock);
        }
        return app;
    }

    /// <summary>A user and a personal access token made by an admin over the API: (user id, token id, plain token).</summary>
    private static async Task<(string UserId, string TokenId, string Token)> UserWithTokenAsync(HttpClient admin, string email)
    {
        var user = await (await admin.PostAsJsonAsync("/api/v1/users", new { name = "Sam Sessie", email, role = "analyst" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = user.GetProperty("id").GetString()!;
        var created = await admin.PostAsJsonAsync($"/api/v1/users/{id}/tokens", new { expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        var token = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (id, token.GetProperty("id").GetString()!, token.GetProperty("token").GetString()!);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string token)
    {
        var response = await Browser.PostFormAsync(browser, "/aanmelden",
            ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, "/aanmelden")), ("token", token));
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(HostCookie + "=", StringComparison.Ordinal));

    /// <summary>A client that presents exactly this session cookie and nothing else.</summary>
    private static HttpClient WithCookie(AuditApp app, string setCookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = app.ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Add("Cookie", setCookie.Split(';')[0]);
        return client;
    }

    [TestMethod]
    public async Task A_session_started_with_a_personal_access_token_ends_when_the_token_is_revoked()
    {
        await using var app = AppWithTokenSignIn();
        using var admin = await app.ClientForAsync(Role.Admin);
        var (userId, tokenId, token) = await UserWithTokenAsync(admin, "sam@bureau.nl");
        using var browser = Browser.For(app);
        await SignInAsync(browser, token);
        Assert.AreEqual(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);

        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/users/{userId}/tokens/{tokenId}")).StatusCode);

        await ProblemAssert.IsProblemAsync(await browser.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task Signing_in_again_ends_the_browsers_earlier_session()
    {
        await using var app = AppWithTokenSignIn();
        using var admin = await app.ClientForAsync(Role.Admin);
        var (_, _, token) = await UserWithTokenAsync(admin, "sam@bureau.nl");
        using var browser = Browser.For(app);
        var first = SessionCookie(await SignInAsync(browser, token));

        var second = SessionCookie(await SignInAsync(browser, token));

        using var earlier = WithCookie(app, first);
        using var later = WithCookie(app, second);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await earlier.GetAsync("/api/v1/me")).StatusCode, "the earlier session was revoked");
        Assert.AreEqual(HttpStatusCode.OK, (await later.GetAsync("/api/v1/me")).StatusCode);
    }

    [TestMethod]
    public async Task Redeeming_an_invitation_ends_the_browsers_earlier_session()
    {
        await using var app = AppWithTokenSignIn();
        using var admin = await app.ClientForAsync(Role.Admin);
        var (userId, _, token) = await UserWithTokenAsync(admin, "sam@bureau.nl");
        using var browser = Browser.For(app);
        var first = SessionCookie(await SignInAsync(browser, token));
        var invitation = await (await admin.PostAsync($"/api/v1/users/{userId}/invitations", null)).Content.ReadFromJsonAsync<JsonElement>();
        var path = new Uri(invitation.GetProperty("url").GetString()!).AbsolutePath;

        var redeemed = await Browser.PostFormAsync(browser, path, ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, path)));

        Assert.AreEqual(HttpStatusCode.Redirect, redeemed.StatusCode, await redeemed.Content.ReadAsStringAsync());
        using var earlier = WithCookie(app, first);
        using var later = WithCookie(app, SessionCookie(redeemed));
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await earlier.GetAsync("/api/v1/me")).StatusCode, "the earlier session was revoked");
        Assert.AreEqual(HttpStatusCode.OK, (await later.GetAsync("/api/v1/me")).StatusCode);
    }

    [TestMethod]
    public async Task A_session_unused_for_the_idle_time_is_refused_and_use_keeps_it_alive()
    {
        var clock = new ManualClock();
        await using var app = AppWithTokenSignIn(clock);
        app.Settings["Audit:SessionIdleMinutes"] = "30";
        using var admin = await app.ClientForAsync(Role.Admin);
        var (_, _, token) = await UserWithTokenAsync(admin, "sam@bureau.nl");
        using var busy = Browser.For(app);
        using var idle = Browser.For(app);
        await SignInAsync(busy, token);
        await SignInAsync(idle, token);

        for (var i = 0; i < 4; i++)
        {
            clock.Now += TimeSpan.FromMinutes(20);
            Assert.AreEqual(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/me")).StatusCode, $"used every 20 minutes ({i})");
        }

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/v1/me")).StatusCode, "80 minutes unused");
    }

    [TestMethod]
    public async Task Outside_development_the_session_cookie_is_a_host_cookie()
    {
        await using var app = AppWithTokenSignIn();
        using var admin = await app.ClientForAsync(Role.Admin);
        var (_, _, token) = await UserWithTokenAsync(admin, "sam@bureau.nl");
        using var browser = Browser.For(app);

        var cookie = SessionCookie(await SignInAsync(browser, token)).ToLowerInvariant();

        Assert.Contains("path=/;", cookie + ";");
        Assert.Contains("secure", cookie);
        Assert.DoesNotContain("domain=", cookie);
        var signOut = await Browser.PostFormAsync(browser, "/afmelden", ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, "/mijn-gegevens")));
        var deleted = signOut.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(HostCookie + "=;", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", deleted, "a __Host- cookie is only replaced by one that is Secure too");
    }

    [TestMethod]
    public void Only_development_on_plain_http_keeps_the_plain_cookie_name()
    {
        Assert.AreEqual("audit_session", SessionCookieHandler.NameFor(new HostingEnvironment { EnvironmentName = "Development" }));
        Assert.AreEqual(HostCookie, SessionCookieHandler.NameFor(new HostingEnvironment { EnvironmentName = "Production" }));
    }
}
