using Audit.Reports.Localization;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>Dutch formats by default, English on request; the same on every machine.</summary>
[TestClass]
public sealed class FormattingTests
{
    private static readonly ReportFormatter Nl = new(ReportLanguage.Nl);
    private static readonly ReportFormatter En = new(ReportLanguage.En);

    [TestMethod]
    public void Numbers()
    {
        Assert.AreEqual("1.234,5", Nl.Number(1234.5m));
        Assert.AreEqual("1,234.5", En.Number(1234.5m));
        Assert.AreEqual("2,85", Nl.Number(2.854m));
        Assert.AreEqual("3", Nl.Number(3m));
        Assert.AreEqual("3,0", Nl.Number(3m, 1));
        Assert.AreEqual("-0,5", Nl.Number(-0.5m));
        Assert.AreEqual("–", Nl.Number(null));
    }

    [TestMethod]
    public void Percentages_and_deltas()
    {
        Assert.AreEqual("69,2%", Nl.Percent(69.2m));
        Assert.AreEqual("69.2%", En.Percent(69.2m));
        Assert.AreEqual("100,0%", Nl.Percent(100m));
        Assert.AreEqual("+0,35", Nl.Delta(0.35m));
        Assert.AreEqual("\u22120,25", Nl.Delta(-0.25m));
        Assert.AreEqual("0", Nl.Delta(0m));
        Assert.AreEqual("+15.4", En.Delta(15.4m, 1));
    }

    [TestMethod]
    public void Dates_are_written_out_and_moments_are_in_Dutch_time()
    {
        // 23:30 UTC on 1 March is already 2 March in Amsterdam (winter time, UTC+1).
        var winter = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);
        // 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam (summer time, UTC+2).
        var summer = new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero);

        Assert.AreEqual("2 maart 2026", Nl.Date(winter));
        Assert.AreEqual("2 March 2026", En.Date(winter));
        Assert.AreEqual("2 maart 2026, 00:30", Nl.DateTime(winter));
        Assert.AreEqual("1 juli 2026, 00:30", Nl.DateTime(summer));
        Assert.AreEqual("1 July 2026, 00:30", En.DateTime(summer));
        Assert.AreEqual("2026-03-01T23:30:00Z", ReportFormatter.Iso(winter), "machine-readable times stay UTC");
    }

    [TestMethod]
    public void Fill_formats_its_values_in_the_report_language()
    {
        Assert.AreEqual("9 van 13 (69,2%)", Nl.Fill("{0} van {1} ({2})", 9, 13, Nl.Percent(69.2m)));
        Assert.AreEqual("mean 2.85", En.Fill("mean {0}", 2.85m));
    }

    [TestMethod]
    [DataRow(null, ReportLanguage.Nl)]
    [DataRow("", ReportLanguage.Nl)]
    [DataRow("nl", ReportLanguage.Nl)]
    [DataRow("nl-NL", ReportLanguage.Nl)]
    [DataRow("en", ReportLanguage.En)]
    [DataRow("EN-gb", ReportLanguage.En)]
    public void Language_codes_parse(string? code, ReportLanguage expected)
    {
        Assert.IsTrue(ReportLanguages.TryParse(code, out var language));
        Assert.AreEqual(expected, language);
    }

    [TestMethod]
    public void Unknown_languages_are_refused() => Assert.IsFalse(ReportLanguages.TryParse("fr", out _));

    [TestMethod]
    public void A_number_printed_without_fmt_still_follows_the_report_language()
    {
        Assert.AreEqual("2,5", Renders.Template("{{ report.value }}", new { Value = 2.5m }));
        Assert.AreEqual("2.5", Renders.Template("{{ report.value }}", new { Value = 2.5m }, ReportLanguage.En));
    }

    [TestMethod]
    public void The_sector_report_uses_Dutch_by_default_and_English_on_request()
    {
        var renderer = new ReportRenderer(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default);
        var document = new ReportFixtures().SectorDocument;

        var dutch = renderer.RenderSector(document).Html;
        var english = renderer.RenderSector(document, new ReportRenderOptions(ReportLanguage.En)).Html;

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"nl\">", dutch);
        Assert.Contains("<tr><th scope=\"row\">Responspercentage</th><td>92,9%</td></tr>", dutch);
        Assert.Contains("Periode: 1 maart 2026 tot en met 30 juni 2026", dutch);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", english);
        Assert.Contains("<tr><th scope=\"row\">Response rate</th><td>92.9%</td></tr>", english);
        Assert.Contains("Period: 1 March 2026 to 30 June 2026", english);
    }
}
