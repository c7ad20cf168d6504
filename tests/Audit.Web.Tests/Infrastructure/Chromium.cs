using Microsoft.Playwright;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole test run: Debian's <c>/usr/bin/chromium</c>, never a downloaded browser.
/// Without it the browser tests are skipped (inconclusive), unless <c>AUDIT_REQUIRE_BROWSER=1</c> (as in
/// <c>.ci/run</c>), where a missing browser fails them.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    public static bool Required => Environment.GetEnvironmentVariable("AUDIT_REQUIRE_BROWSER") == "1";

    public static async Task<IBrowser> GetAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            var message = $"{ExecutablePath} is missing: install it with 'apt-get install -y chromium'.";
            if (Required)
            {
                Assert.Fail(message + " AUDIT_REQUIRE_BROWSER=1 makes this a failure.");
            }
            Assert.Inconclusive(message + " Browser tests skipped.");
        }
        await Gate.WaitAsync();
        try
        {
            playwright ??= await Playwright.CreateAsync();
            browser ??= await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // No sandbox inside containers; nothing that would reach out to the network on its own.
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
            });
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh context (cookies, storage) per test, Dutch-speaking like the service's users.</summary>
    /// <remarks>
    /// <paramref name="bypassCsp"/> is for the reports only: they are served sandboxed with no script allowed, so axe
    /// could not run in them otherwise. The policy itself is asserted by the Api tests.
    /// </remarks>
    public static async Task<IBrowserContext> NewContextAsync(WebApp app, bool javaScript = true, bool bypassCsp = false)
    {
        var chromium = await GetAsync();
        return await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(),
            // The test server's certificate is self-signed for this run only.
            IgnoreHTTPSErrors = true,
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
    }

    public static async Task CloseAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            browser = null;
        }
        playwright?.Dispose();
        playwright = null;
    }
}
