using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Api.Tests.Collection;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// An open round of the shipped questionnaire with uva (own) and vu (other) invited, and browsers for respondents:
/// <see cref="BrowserAsync"/> signs in with a bearer token, <see cref="SessionAsync"/> through the token form (a session
/// cookie, as a person has). The theme <c>risicoanalyse</c> holds all seven question types and conditional questions.
/// </summary>
internal sealed partial class RespondentWorld : IAsyncDisposable
{
    public const string Theme = "risicoanalyse";

    private RespondentWorld(AuditApp app, HttpClient admin) => (App, Admin) = (app, admin);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public AuditApp App { get; }

    public HttpClient Admin { get; }

    public string OwnId { get; private set; } = "";

    public string OtherId { get; private set; } = "";

    public string ThemePath => $"/deelnames/{OwnId}/thema/{Theme}";

    /// <summary><paramref name="configure"/> may set test services before the app starts.</summary>
    public static async Task<RespondentWorld> CreateAsync(Action<AuditApp>? configure = null)
    {
        var app = new AuditApp();
        app.Settings["Audit:Pages:TokenSignIn"] = "true";
        configure?.Invoke(app);
        var world = new RespondentWorld(app, await app.ClientForAsync(Role.Admin));
        (world.OwnId, world.OtherId) = await CollectionFixture.OpenRoundAsync(world.Admin, "2023-pages");
        return world;
    }

    /// <summary>A browser signed in with a bearer token as a respondent of <paramref name="institution"/> (or another role).</summary>
    public async Task<HttpClient> BrowserAsync(string institution = CollectionFixture.Own, Role role = Role.Respondent)
    {
        var browser = Browser.For(App);
        browser.DefaultRequestHeaders.Authorization = new("Bearer",
            await Browser.UserWithTokenAsync(App, $"{role} of {institution}", role, role == Role.Respondent ? institution : null));
        return browser;
    }

    /// <summary>A browser signed in with a session cookie, as after an invitation link.</summary>
    public async Task<HttpClient> SessionAsync(string institution = CollectionFixture.Own)
    {
        var browser = Browser.For(App);
        var token = await Browser.UserWithTokenAsync(App, "Sessie", Role.Respondent, institution);
        var signIn = await Browser.PostFormAsync(browser, "/aanmelden", ("__RequestVerificationToken", await Browser.AntiforgeryAsync(browser, "/aanmelden")), ("token", token));
        Assert.AreEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    /// <summary>The antiforgery value of the forms on <paramref name="path"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(new Uri(path, UriKind.Relative));
        var field = AntiforgeryField().Match(page);
        Assert.IsTrue(field.Success, $"{path} carries an antiforgery field");
        return WebUtility.HtmlDecode(field.Groups["value"].Value);
    }

    /// <summary>The antiforgery value of the forms in a page already fetched.</summary>
    public static async Task<string> TokenFromHtmlAsync(HttpResponseMessage response)
    {
        var field = AntiforgeryField().Match(await response.Content.ReadAsStringAsync());
        Assert.IsTrue(field.Success, "the page carries an antiforgery field");
        return WebUtility.HtmlDecode(field.Groups["value"].Value);
    }

    /// <summary>Posts the theme form as a browser would: the antiforgery field, the shown questions, their answers and versions.</summary>
    public async Task<HttpResponseMessage> PostThemeAsync(HttpClient browser, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(browser, ThemePath);
        return await Browser.PostFormAsync(browser, ThemePath, [("__RequestVerificationToken", token), .. fields]);
    }

    /// <summary>The stored answers, by key, as the bureau reads them through the API.</summary>
    public async Task<Dictionary<string, JsonElement>> AnswersAsync(string? participationId = null)
    {
        var set = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{participationId ?? OwnId}/answers");
        return set.GetProperty("answers").EnumerateArray().ToDictionary(a => a.GetProperty("questionKey").GetString()!, a => a.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await App.DisposeAsync();
    }
}
