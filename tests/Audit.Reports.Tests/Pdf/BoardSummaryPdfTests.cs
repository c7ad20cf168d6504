using System.Text.RegularExpressions;
using Audit.Reports.Localization;
using Audit.Reports.Pdf;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests.Pdf;

/// <summary>
/// The board conversation pack printed by real Chromium fits on two A4 pages, even with the longest texts an analyst
/// may write, and is a tagged PDF with its title. Inconclusive without Chromium or pdfinfo, unless AUDIT_REQUIRE_BROWSER=1.
/// </summary>
[TestClass]
public sealed partial class BoardSummaryPdfTests
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

    [TestMethod]
    [DataRow("nl", false)]
    [DataRow("en", false)]
    [DataRow("nl", true)]
    [DataRow("en", true)]
    public async Task The_summary_prints_on_at_most_two_tagged_pages_with_its_title(string language, bool longest)
    {
        var renderer = Renderer();
        var pdfinfo = PdfInfo.Require();
        // The longest case: every theme's recommendation at the 10,000 characters the findings API allows.
        var summary = BoardSummaryTests.Summary(
            recommendation: longest ? title => string.Join(' ', Enumerable.Repeat($"Beleg {title} bij het bestuur", 700))[..10_000] : null, language: language);
        Assert.IsTrue(ReportLanguages.TryParse(language, out var lang));
        var html = new ReportRenderer(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default)
            .RenderBoardSummary(summary, new ReportRenderOptions(lang, ExpandDataTables: true)).Html;
        var title = System.Net.WebUtility.HtmlDecode(TitleElement().Match(html).Groups[1].Value);

        var pdf = await renderer.RenderAsync(html);
        var info = await PdfInfo.RunAsync(pdfinfo, pdf);
        if (Environment.GetEnvironmentVariable("AUDIT_KEEP_PDF") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(Path.Combine(keep, $"board-summary.{language}{(longest ? ".longest" : "")}.pdf"), pdf);
        }

        var pages = int.Parse(PagesLine().Match(info).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsLessThanOrEqualTo(2, pages, info);
        Assert.Contains("Tagged:          yes", info, info);
        Assert.Contains("Title:           " + title, info, info);
        Assert.StartsWith(language == "nl" ? "Samenvatting voor het bestuursgesprek – Universiteit Leiden" : "Summary for the board conversation – Universiteit Leiden", title);
    }

    [GeneratedRegex("<title>([^<]+)</title>")]
    private static partial Regex TitleElement();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
