using Microsoft.Playwright;

namespace Audit.Reports.Pdf;

/// <summary>
/// Prints reports with headless Chromium through Playwright. One browser per process, started on the first render
/// (and again if it died); each render gets a fresh browser context and page, so renders run in parallel and share
/// nothing. Register it as a singleton and dispose it at shutdown.
/// </summary>
/// <remarks>
/// A report is self-contained (inline CSS and SVG), so the page runs no script and may fetch nothing: JavaScript is
/// off and every request is aborted. Even markup that slipped past escaping could not call out of the server.
/// </remarks>
public sealed class ChromiumPdfRenderer(PdfOptions options) : IPdfRenderer, IAsyncDisposable
{
    // Flags for a server without a display or a user profile: no sandbox (containers run as root), no GPU, and
    // nothing that phones home (QUIC, background networking, component updates, sync).
    internal static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly PdfOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    /// <summary>How many browsers this renderer started (tests: one for many renders).</summary>
    internal int Launches { get; private set; }

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var browser = await BrowserAsync(cancellationToken).ConfigureAwait(false);
        var timeout = (float)_options.Timeout.TotalMilliseconds;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }).ConfigureAwait(false);
        try
        {
            await context.RouteAsync("**/*", route => route.AbortAsync()).ConfigureAwait(false);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout }).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            // The report's print CSS sets the page size, margins and running footer (@page); A4 is the fallback.
            // Tagged: a structure tree (headings, lists, tables, figures with their text alternatives) so that screen
            // readers and reflow work, as government publications must; with the HTML <title> and <html lang> as
            // the PDF's title and language. Outline: bookmarks from the headings, for navigating a long report.
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                PreferCSSPageSize = true,
                Tagged = true,
                Outline = true,
            }).ConfigureAwait(false);
        }
        finally
        {
            await context.CloseAsync().ConfigureAwait(false);
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _browser);
        if (current is { IsConnected: true })
        {
            return current;
        }
        await _launch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }
            var path = _options.ChromiumPath;
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            {
                throw Unavailable($"PDF output needs Chromium, but the setting {PdfOptions.ChromiumPathSetting} points at '{path}', which does not exist.", null);
            }
            if (_browser is not null)
            {
                await _browser.DisposeAsync().ConfigureAwait(false); // it crashed or was closed: start a new one
            }
            try
            {
                _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
                var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    Args = Arguments,
                    Timeout = (float)_options.Timeout.TotalMilliseconds,
                }).ConfigureAwait(false);
                Launches++;
                Volatile.Write(ref _browser, browser);
                return browser;
            }
            catch (PlaywrightException e)
            {
                throw Unavailable($"PDF output needs Chromium, but '{path}' (setting {PdfOptions.ChromiumPathSetting}) did not start: {e.Message}", e);
            }
        }
        finally
        {
            _launch.Release();
        }
    }

    private PdfUnavailableException Unavailable(string message, Exception? inner) =>
        inner is null
            ? new PdfUnavailableException(message) { ChromiumPath = _options.ChromiumPath }
            : new PdfUnavailableException(message, inner) { ChromiumPath = _options.ChromiumPath };

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            if (_browser is not null)
            {
                await _browser.DisposeAsync().ConfigureAwait(false);
                _browser = null;
            }
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            // The semaphore stays undisposed: a render racing with shutdown then fails as disposed, not on the lock.
            _launch.Release();
        }
    }
}
