using System.Net;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>How pages answer browsers and API clients: HTML and redirects for people, problem+json for /api.</summary>
[TestClass]
public sealed class PageResponseTests
{
    [TestMethod]
    public async Task The_start_page_is_dutch_html_with_one_h1_and_no_inline_script_or_style()
    {
        await using var app = new AuditApp();
        using var browser = Browser.For(app);

        var response = await browser.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.AreEqual(1, CountOf("<h1", html));
        Assert.AreEqual(0, CountOf("<script", html) + CountOf("<style", html) + CountOf(" style=", html));
        Assert.Contains("href=\"#inhoud\"", html);
        Assert.Contains("<main id=\"inhoud\" tabindex=\"-1\"", html);
        Assert.IsFalse(response.Headers.TryGetValues("Set-Cookie", out _), "an anonymous page without a form sets no cookie");
        Assert.AreEqual("no-store", response.Headers.CacheControl?.ToString());
    }

    [TestMethod]
    public async Task A_path_that_looks_like_another_host_never_becomes_an_off_site_link()
    {
        await using var app = new AuditApp();
        using var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Ada"));

        var response = await browser.GetAsync(new Uri("https://localhost//evil.example/x"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("href=\"//evil.example", html);
        Assert.Contains("href=\"/evil.example/x?lang=en\"", html);
    }

    [TestMethod]
    public async Task Stylesheets_are_served_anonymously()
    {
        await using var app = new AuditApp();
        using var browser = Browser.For(app);

        foreach (var path in new[] { "/vendor/utrecht/components.css", "/css/theme.css", "/css/site.css" })
        {
            var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
            Assert.AreEqual("text/css", response.Content.Headers.ContentType?.MediaType, path);
        }
    }

    [TestMethod]
    public async Task Lang_en_switches_the_page_and_is_remembered_in_a_cookie()
    {
        await using var app = new AuditApp();
        using var browser = Browser.For(app);

        var english = await browser.GetAsync(new Uri("/toegankelijkheid?lang=en", UriKind.Relative));
        var cookie = english.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("audit_lang=en", StringComparison.Ordinal));
        var next = await browser.GetStringAsync(new Uri("/", UriKind.Relative));
        var back = await browser.GetStringAsync(new Uri("/?lang=nl", UriKind.Relative));

        Assert.Contains("<html lang=\"en\">", await english.Content.ReadAsStringAsync());
        Assert.Contains("Accessibility statement", await english.Content.ReadAsStringAsync());
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        Assert.Contains("<html lang=\"en\">", next);
        Assert.Contains("href=\"/?lang=nl\"", next);
        Assert.Contains("<html lang=\"nl\">", back);
    }

    [TestMethod]
    public async Task A_browser_gets_a_404_page_outside_api_and_a_problem_inside()
    {
        await using var app = new AuditApp();
        var token = await Browser.UserWithTokenAsync(app, "Anna");
        using var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var page = await browser.GetAsync(new Uri("/bestaat-niet", UriKind.Relative));
        var api = await browser.GetAsync(new Uri("/api/v1/bestaat-niet", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.NotFound, page.StatusCode);
        Assert.AreEqual("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Pagina niet gevonden", await page.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(api, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task A_forbidden_or_unauthenticated_form_post_gets_a_page()
    {
        await using var app = new AuditApp();
        using var browser = Browser.For(app);

        var response = await Browser.PostFormAsync(browser, "/afmelden");

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Aanmelden nodig", html);
        Assert.Contains("href=\"/aanmelden\"", html);
    }

    [TestMethod]
    public async Task A_signed_out_browser_opening_a_protected_page_is_sent_to_sign_in_and_an_api_client_gets_401()
    {
        await using var app = new AuditApp();
        using var browser = Browser.For(app);
        using var client = app.CreateClient();

        var redirect = await browser.GetAsync(new Uri("/mijn-gegevens?x=1", UriKind.Relative));
        var plain = await client.GetAsync(new Uri("/mijn-gegevens", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.AreEqual("/aanmelden?terug=%2Fmijn-gegevens%3Fx%3D1", redirect.Headers.Location?.OriginalString);
        await ProblemAssert.IsProblemAsync(plain, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task Names_are_escaped_in_the_page_chrome()
    {
        await using var app = new AuditApp();
        var token = await Browser.UserWithTokenAsync(app, "<script>alert(1)</script> & Co", Role.Ministry);
        using var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var html = await browser.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Aangemeld als &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html);
        Assert.DoesNotContain("<script>", html);
    }

    private static int CountOf(string needle, string haystack)
    {
        var count = 0;
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
