using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Pages;

/// <summary>An HttpClient that asks for HTML like a browser does, keeps cookies and does not follow redirects.</summary>
internal static partial class Browser
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static HttpClient For(AuditApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
        return client;
    }

    /// <summary>The antiforgery value of the first form on <paramref name="path"/>.</summary>
    public static async Task<string> AntiforgeryAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(new Uri(path, UriKind.Relative));
        var field = AntiforgeryField().Match(page);
        Assert.IsTrue(field.Success, $"{path} carries an antiforgery field");
        return WebUtility.HtmlDecode(field.Groups["value"].Value);
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, params (string Name, string Value)[] fields) =>
        browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>A user with a personal access token, as an admin would create them; returns the plain token.</summary>
    public static async Task<string> UserWithTokenAsync(AuditApp app, string name, Role role = Role.Analyst, string? institutionId = null)
    {
        var users = app.Services.GetRequiredService<IUserRepository>();
        var id = AccessTokens.NewId("u_");
        var now = DateTimeOffset.UtcNow;
        var token = AccessTokens.NewToken();
        var user = new User(id, name, $"{id}@test.local", role, institutionId, true, now);
        Assert.IsTrue(await users.InsertWithTokenAsync(user,
            new StoredToken(AccessTokens.NewId("t_"), id, TokenKind.PersonalAccessToken, AccessTokens.Hash(token), now, now.AddHours(1)),
            Actor.System.Did("user.created", "user", id, now)));
        return token;
    }
}
