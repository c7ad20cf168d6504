using System.Text.RegularExpressions;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>
/// The print rules of the report layout that keep a PDF readable: a heading stays with what follows, a chart or a table
/// is never split over two pages. Chromium applies them (the rendered PDFs were checked by eye); this keeps them there.
/// </summary>
[TestClass]
public sealed partial class PrintLayoutTests
{
    private static string PrintCss()
    {
        var layout = File.ReadAllText(Path.Combine(TemplateFolders.Shipped, "reports", "_layout.scriban-html"));
        var print = PrintBlock().Match(layout);
        Assert.IsTrue(print.Success, "the layout has an @media print block");
        return print.Value;
    }

    [TestMethod]
    public void Headings_are_kept_with_what_follows()
    {
        Assert.Contains("h1, h2, h3, h4, h5 { break-after: avoid; }", PrintCss());
    }

    [TestMethod]
    public void Charts_tables_and_boxed_blocks_are_not_split()
    {
        Assert.Contains(".chart, table, .own-answer, .finding, .note { break-inside: avoid; }", PrintCss());
    }

    [TestMethod]
    public void A_chart_is_drawn_at_its_own_width_at_most()
    {
        // max-width 100% only ever shrinks a chart; the 640-unit print layout fits A4 without shrinking (ChartLayout).
        var layout = File.ReadAllText(Path.Combine(TemplateFolders.Shipped, "reports", "_layout.scriban-html"));
        Assert.Contains(".chart-svg { display: block; max-width: 100%; height: auto; }", layout);
    }

    [GeneratedRegex(@"@media print \{.*?\n\}", RegexOptions.Singleline)]
    private static partial Regex PrintBlock();
}
