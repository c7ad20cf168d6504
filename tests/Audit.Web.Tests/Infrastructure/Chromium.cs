using Microsoft.Playwright;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// A headless Chromium for one test class: Debian's <c>/usr/bin/chromium</c>, never a downloaded browser. A class
/// launches it in <c>[ClassInitialize]</c> and disposes it in <c>[ClassCleanup]</c>, so classes running side by side
/// share nothing. Without the browser the tests are skipped (inconclusive), unless <c>AUDIT_REQUIRE_BROWSER=1</c>
/// (as in <c>.ci/run</c>), where a missing browser fails them.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Chromium(IPlaywright playwright, IBrowser browser) => (this.playwright, this.browser) = (playwright, browser);

    public static bool Required => Environment.GetEnvironmentVariable("AUDIT_REQUIRE_BROWSER") == "1";

    public static async Task<Chromium> LaunchAsync()
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
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Timeout = Timeouts.DefaultMilliseconds,
                // No sandbox inside containers; nothing that would reach out to the network on its own.
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context (cookies, storage), Dutch-speaking like the service's users.</summary>
    /// <remarks>
    /// <paramref name="bypassCsp"/> is for the reports only: they are served sandboxed with no script allowed, so axe
    /// could not run in them otherwise. The policy itself is asserted by the Api tests.
    /// </remarks>
    public async Task<IBrowserContext> NewContextAsync(WebApp app, bool javaScript = true, bool bypassCsp = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(),
            // The test server's certificate is self-signed for this run only.
            IgnoreHTTPSErrors = true,
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(Timeouts.DefaultMilliseconds);
        context.SetDefaultNavigationTimeout(Timeouts.DefaultMilliseconds);
        return context;
    }

    /// <summary>A page in a fresh context of its own, which closes with <see cref="DisposeAsync"/>.</summary>
    public async Task<IPage> NewPageAsync(WebApp app, bool javaScript = true, bool bypassCsp = false)
    {
        var context = await NewContextAsync(app, javaScript, bypassCsp);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
