using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Api.Access;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Audit.Api.Tests.Access;

[TestClass]
public sealed partial class InvitationTests
{
    [GeneratedRegex("name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex HiddenField();

    private static async Task<HttpResponseMessage> RedeemAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(path);
        var field = HiddenField().Match(page);
        Assert.IsTrue(field.Success, "the page carries an antiforgery field");
        return await browser.PostAsync(path, new FormUrlEncodedContent([new(field.Groups["name"].Value, WebUtility.HtmlDecode(field.Groups["value"].Value))]));
    }

    [TestMethod]
    public async Task An_invitation_link_signs_in_once_with_a_secure_session_cookie()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var user = await (await admin.PostAsJsonAsync("/api/v1/users", new { name = "B", email = "b@bureau.nl", role = "analyst" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var invitation = await (await admin.PostAsync($"/api/v1/users/{user.GetProperty("id").GetString()}/invitations", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var path = new Uri(invitation.GetProperty("url").GetString()!).PathAndQuery;
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var redeemed = await RedeemAsync(browser, path);

        Assert.AreEqual(HttpStatusCode.Redirect, redeemed.StatusCode);
        var cookie = redeemed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookieHandler.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        Assert.Contains("secure", cookie.ToLowerInvariant());
        Assert.Contains("samesite=lax", cookie.ToLowerInvariant());
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.AreEqual("b@bureau.nl", me.GetProperty("email").GetString());

        using var second = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await ProblemAssert.IsProblemAsync(await RedeemAsync(second, path), HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task Redeeming_without_the_antiforgery_field_is_refused()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var invitation = await (await admin.PostAsync($"/api/v1/users/{app.UserIds[admin]}/invitations", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await browser.PostAsync(new Uri(invitation.GetProperty("url").GetString()!).PathAndQuery, new FormUrlEncodedContent([]));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task Repeated_failed_sign_ins_are_throttled()
    {
        await using var app = new AuditApp();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "aud_wrong");

        for (var i = 0; i < 10; i++)
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        }

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.TooManyRequests);
    }
}
