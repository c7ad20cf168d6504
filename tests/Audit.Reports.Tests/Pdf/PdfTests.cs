using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Audit.Reports.Mapping;
using Audit.Reports.Pdf;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests.Pdf;

/// <summary>
/// Real PDFs from headless Chromium. Where Chromium is not installed these tests are inconclusive, unless
/// AUDIT_REQUIRE_BROWSER=1 (CI installs Debian's chromium and sets it) makes that a failure.
/// </summary>
[TestClass]
public sealed partial class PdfTests
{
    private static ChromiumPdfRenderer? shared;

    [ClassInitialize]
    public static void Start(TestContext context) => shared = new ChromiumPdfRenderer(new PdfOptions());

    [ClassCleanup]
    public static async Task Stop()
    {
        if (shared is not null)
        {
            await shared.DisposeAsync();
        }
    }

    private static ChromiumPdfRenderer Renderer()
    {
        if (!File.Exists(PdfOptions.DefaultChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("AUDIT_REQUIRE_BROWSER") == "1")
            {
                Assert.Fail($"AUDIT_REQUIRE_BROWSER=1 but {PdfOptions.DefaultChromiumPath} is missing (apt-get install chromium).");
            }
            Assert.Inconclusive($"{PdfOptions.DefaultChromiumPath} is not installed.");
        }
        return shared!;
    }

    private static string ParliamentHtml()
    {
        var data = new SyntheticRound();
        var report = ParliamentReportMapper.Map(data.Round, data.Questionnaire, data.PublishedViews());
        return new ReportRenderer(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default)
            .RenderParliament(report, new ReportRenderOptions(ExpandDataTables: true)).Html;
    }

    /// <summary>Page objects in the PDF ("/Type /Page", not "/Type /Pages").</summary>
    private static int PageCount(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    [TestMethod]
    public async Task A_multi_page_report_prints_to_a_real_pdf()
    {
        var renderer = Renderer();

        var pdf = await renderer.RenderAsync(ParliamentHtml());

        Assert.AreEqual("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.IsGreaterThan(10, PageCount(pdf), "six chapters with charts and tables fill many A4 pages");
        Assert.Contains("%%EOF", Encoding.Latin1.GetString(pdf, pdf.Length - 32, 32));
    }

    [TestMethod]
    public async Task A_report_prints_as_a_tagged_pdf_with_its_title_language_and_an_outline()
    {
        var renderer = Renderer();
        var pdfinfo = PdfInfo.Require();
        var html = ParliamentHtml();
        var title = System.Net.WebUtility.HtmlDecode(TitleElement().Match(html).Groups[1].Value);
        Assert.IsFalse(string.IsNullOrWhiteSpace(title), "the report has a <title>");

        var pdf = await renderer.RenderAsync(html);
        var info = await PdfInfo.RunAsync(pdfinfo, pdf);

        Assert.Contains("Tagged:          yes", info, info);
        Assert.Contains("Title:           " + title, info, info);
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/Lang (nl)", raw, "the <html lang> becomes the PDF's language");
        Assert.Contains("/Outlines", raw, "the headings become bookmarks");
    }

    [TestMethod]
    public async Task The_national_report_prints_tagged_with_its_title_and_escapes_analyst_text()
    {
        var renderer = Renderer();
        var pdfinfo = PdfInfo.Require();
        const string attack = "<script>alert(1)</script>";
        var report = NationalReportMapper.Map(new NationalFixtures(s => s + " " + attack).Input());
        var html = new ReportRenderer(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default)
            .RenderNational(report, new ReportRenderOptions(ExpandDataTables: true)).Html;
        var title = System.Net.WebUtility.HtmlDecode(TitleElement().Match(html).Groups[1].Value);

        var pdf = await renderer.RenderAsync(html);
        var info = await PdfInfo.RunAsync(pdfinfo, pdf);

        Assert.Contains("Tagged:          yes", info, info);
        Assert.Contains("Title:           " + title, info, info);
        Assert.Contains("auditcyclus 2023", title);
        var text = await PdfInfo.TextAsync(pdf);
        Assert.Contains(attack, text, "the markup is printed as text, so it was escaped rather than run");
    }

    [GeneratedRegex("<title>([^<]+)</title>")]
    private static partial Regex TitleElement();

    [TestMethod]
    public async Task Parallel_renders_share_one_browser()
    {
        var renderer = Renderer();
        const string html = "<!DOCTYPE html><html><body><h1>Een</h1><p style=\"break-before: page\">Twee</p></body></html>";

        var pdfs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => renderer.RenderAsync(html)));

        foreach (var pdf in pdfs)
        {
            Assert.AreEqual(2, PageCount(pdf));
        }
        Assert.AreEqual(1, renderer.Launches);
    }

    [TestMethod]
    public async Task The_page_contacts_no_server_even_when_its_markup_asks_to()
    {
        var renderer = Renderer();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var html = $"<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"http://127.0.0.1:{port}/a.css\"></head><body>" +
            $"<img src=\"http://127.0.0.1:{port}/x.png\"><script>fetch('http://127.0.0.1:{port}/js')</script><p>veilig</p></body></html>";

        var pdf = await renderer.RenderAsync(html);

        Assert.AreEqual("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.IsFalse(listener.Pending(), "The report page contacted a server.");
    }

    [TestMethod]
    public async Task A_missing_browser_is_reported_with_the_setting_to_fix()
    {
        await using var renderer = new ChromiumPdfRenderer(new PdfOptions { ChromiumPath = "/nonexistent/chromium" });

        var error = await Assert.ThrowsExactlyAsync<PdfUnavailableException>(() => renderer.RenderAsync("<p>x</p>"));

        Assert.Contains("Reports:ChromiumPath", error.Message);
        Assert.Contains("/nonexistent/chromium", error.Message);
        Assert.AreEqual("Reports:ChromiumPath", error.Setting);
        Assert.AreEqual("/nonexistent/chromium", error.ChromiumPath);
        Assert.AreEqual(0, renderer.Launches);
    }

    [TestMethod]
    public async Task A_file_that_is_not_a_browser_is_reported_the_same_way()
    {
        var notABrowser = Path.Combine(Path.GetTempPath(), "not-chromium-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(notABrowser, "not a program");
        try
        {
            await using var renderer = new ChromiumPdfRenderer(new PdfOptions { ChromiumPath = notABrowser, Timeout = TimeSpan.FromSeconds(20) });

            var error = await Assert.ThrowsExactlyAsync<PdfUnavailableException>(() => renderer.RenderAsync("<p>x</p>"));

            Assert.Contains("Reports:ChromiumPath", error.Message);
            Assert.Contains(notABrowser, error.Message);
        }
        finally
        {
            File.Delete(notABrowser);
        }
    }
}
