using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Access;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Pages;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Access;

/// <summary>
/// The browser sign-in with an organisation account, end to end over HTTP against <see cref="FakeIdentityProvider"/>:
/// Audit's sign-in page → the provider's authorize endpoint → back to Audit's callback, which redeems the code over the
/// backchannel, validates the id_token and starts a session.
/// </summary>
[TestClass]
public sealed class OrganisationSignInTests
{
    private sealed record Setup(AuditApp App, FakeIdentityProvider Idp, HttpClient Browser) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Browser.Dispose();
            await App.DisposeAsync();
            await Idp.DisposeAsync();
        }
    }

    private static async Task<Setup> SetUpAsync()
    {
        var idp = await FakeIdentityProvider.StartAsync();
        var app = new AuditApp();
        app.Settings["Authentication:Oidc:Authority"] = FakeIdentityProvider.Issuer;
        app.Settings["Authentication:Oidc:ClientId"] = FakeIdentityProvider.ClientId;
        app.Settings["Authentication:Oidc:ClientSecret"] = FakeIdentityProvider.ClientSecret;
        // Configure runs before the handler's post-configuration builds its backchannel from this handler.
        app.TestServices = services => services.Configure<OpenIdConnectOptions>(OrganisationSignIn.SchemeName, o => o.BackchannelHttpHandler = idp.BackchannelHandler);
        return new Setup(app, idp, Browser.For(app));
    }

    private static async Task<User> UserAsync(AuditApp app, string email, bool active = true)
    {
        var now = DateTimeOffset.UtcNow;
        var user = new User(AccessTokens.NewId("u_"), "Dana Analist", email, Role.Analyst, null, true, now);
        var users = app.Services.GetRequiredService<IUserRepository>();
        Assert.IsTrue(await users.InsertAsync(user, Actor.System.Did("user.created", "user", user.Id, now)));
        if (!active)
        {
            Assert.IsTrue(await users.UpdateAsync(user with { Active = false }, Actor.System.Did("user.updated", "user", user.Id, now)));
        }
        return user;
    }

    /// <summary>Follows the flow up to the provider's redirect back to Audit; returns that callback address.</summary>
    private static async Task<Uri> ToCallbackAsync(Setup s, string email)
    {
        var page = await s.Browser.GetStringAsync("/aanmelden");
        Assert.Contains("Aanmelden met uw organisatieaccount", page);
        Assert.Contains("href=\"/aanmelden/organisatie\"", page);

        var start = await s.Browser.GetAsync("/aanmelden/organisatie?terug=%2Fmijn-gegevens");
        Assert.AreEqual(HttpStatusCode.Redirect, start.StatusCode, await start.Content.ReadAsStringAsync());
        Assert.AreEqual(FakeIdentityProvider.Issuer + "/authorize", start.Headers.Location!.GetLeftPart(UriPartial.Path));

        s.Idp.Email = email;
        var authorized = await s.Idp.Browser.GetAsync(start.Headers.Location);
        Assert.AreEqual(HttpStatusCode.Redirect, authorized.StatusCode, await authorized.Content.ReadAsStringAsync());
        var callback = authorized.Headers.Location!;
        Assert.AreEqual("https://localhost" + OrganisationSignIn.CallbackPath, callback.GetLeftPart(UriPartial.Path));
        return callback;
    }

    private static bool StartsSession(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(SessionCookieHandler.CookieName + "=", StringComparison.Ordinal));

    [TestMethod]
    public async Task An_active_user_signs_in_with_the_organisation_account_and_gets_a_session()
    {
        await using var s = await SetUpAsync();
        var user = await UserAsync(s.App, "dana@bureau.nl");

        var back = await s.Browser.GetAsync((await ToCallbackAsync(s, "Dana@Bureau.nl")).PathAndQuery);

        Assert.AreEqual(HttpStatusCode.Redirect, back.StatusCode, await back.Content.ReadAsStringAsync());
        Assert.AreEqual("/mijn-gegevens", back.Headers.Location!.OriginalString);
        Assert.IsTrue(StartsSession(back));
        Assert.AreEqual("S256", s.Idp.LastAuthorizeQuery!["code_challenge_method"].ToString());
        Assert.AreEqual(1, s.Idp.TokensIssued, "the code was redeemed with the PKCE verifier and the client secret");
        var me = await s.Browser.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.AreEqual(user.Id, me.GetProperty("id").GetString());
        var trail = await s.App.Services.GetRequiredService<IAuditEventRepository>()
            .QueryAsync(new AuditEventQuery(ActorId: user.Id), new Core.Paging.PageRequest());
        var started = trail.Items.Single(e => e.Action == "session.started");
        Assert.Contains("organisation account", started.Summary!);

        // The session is an ordinary one: signing out revokes it.
        var signOut = await Browser.PostFormAsync(s.Browser, "/afmelden", ("__RequestVerificationToken", await Browser.AntiforgeryAsync(s.Browser, "/mijn-gegevens")));
        Assert.AreEqual(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.AreEqual(HttpStatusCode.Redirect, (await s.Browser.GetAsync("/mijn-gegevens")).StatusCode, "signed out: back to the sign-in page");
    }

    [TestMethod]
    public async Task Unknown_and_deactivated_users_are_refused_with_a_page_that_says_why()
    {
        await using var s = await SetUpAsync();
        await UserAsync(s.App, "oud@bureau.nl", active: false);

        foreach (var email in new[] { "stranger@example.org", "oud@bureau.nl" })
        {
            var back = await s.Browser.GetAsync((await ToCallbackAsync(s, email)).PathAndQuery);

            Assert.AreEqual(HttpStatusCode.Forbidden, back.StatusCode, email);
            Assert.AreEqual("text/html", back.Content.Headers.ContentType?.MediaType);
            Assert.Contains("hoort niet bij een actieve gebruiker", await back.Content.ReadAsStringAsync());
            Assert.IsFalse(StartsSession(back), email);
        }
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await s.Browser.GetAsync("/api/v1/me")).StatusCode);
    }

    [TestMethod]
    public async Task The_account_stays_linked_when_its_e_mail_changes_at_the_provider()
    {
        await using var s = await SetUpAsync();
        var user = await UserAsync(s.App, "dana@bureau.nl");
        await UserAsync(s.App, "dana.nieuw@bureau.nl");
        s.Idp.Subject = "account-of-dana";
        Assert.AreEqual(HttpStatusCode.Redirect, (await s.Browser.GetAsync((await ToCallbackAsync(s, "dana@bureau.nl")).PathAndQuery)).StatusCode);

        var again = await s.Browser.GetAsync((await ToCallbackAsync(s, "dana.nieuw@bureau.nl")).PathAndQuery);

        Assert.AreEqual(HttpStatusCode.Redirect, again.StatusCode, await again.Content.ReadAsStringAsync());
        var me = await s.Browser.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.AreEqual(user.Id, me.GetProperty("id").GetString(), "matched by the account, not by the e-mail it now asserts");
    }

    [TestMethod]
    public async Task An_unverified_e_mail_does_not_sign_in()
    {
        await using var s = await SetUpAsync();
        await UserAsync(s.App, "dana@bureau.nl");
        s.Idp.EmailVerified = false;

        var back = await s.Browser.GetAsync((await ToCallbackAsync(s, "dana@bureau.nl")).PathAndQuery);

        Assert.AreEqual(HttpStatusCode.Forbidden, back.StatusCode);
        Assert.IsFalse(StartsSession(back));
    }

    [TestMethod]
    public async Task A_tampered_or_replayed_state_is_refused()
    {
        await using var s = await SetUpAsync();
        await UserAsync(s.App, "dana@bureau.nl");
        var callback = await ToCallbackAsync(s, "dana@bureau.nl");
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);

        var tampered = await s.Browser.GetAsync($"{OrganisationSignIn.CallbackPath}?code={Uri.EscapeDataString(query["code"]!)}&state={Uri.EscapeDataString(query["state"]![..^4] + "AAAA")}");
        var good = await s.Browser.GetAsync(callback.PathAndQuery);
        var replayed = await s.Browser.GetAsync(callback.PathAndQuery);

        Assert.AreEqual(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("is niet gelukt", await tampered.Content.ReadAsStringAsync());
        Assert.IsFalse(StartsSession(tampered));
        Assert.AreEqual(HttpStatusCode.Redirect, good.StatusCode, "the untouched callback still works");
        Assert.AreEqual(HttpStatusCode.BadRequest, replayed.StatusCode, "a callback works once");
        Assert.IsFalse(StartsSession(replayed));
    }

    [TestMethod]
    public async Task An_id_token_with_another_nonce_is_refused()
    {
        await using var s = await SetUpAsync();
        await UserAsync(s.App, "dana@bureau.nl");
        s.Idp.ForgedNonce = "a-nonce-from-another-sign-in";

        var back = await s.Browser.GetAsync((await ToCallbackAsync(s, "dana@bureau.nl")).PathAndQuery);

        Assert.AreEqual(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.IsFalse(StartsSession(back));
        Assert.AreEqual(1, s.Idp.TokensIssued, "the token was fetched, and then rejected");
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await s.Browser.GetAsync("/api/v1/me")).StatusCode);
    }
}
