using System.Globalization;
using System.Text.RegularExpressions;
using Audit.Reports.Charts;
using Audit.Reports.Localization;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>
/// Chart text is readable where it is shown: at least 12 px in the printed A4 report and on a 390 px phone (see
/// <see cref="ChartLayout"/> for the scales), legends and labels wrap instead of being cut, and a box with equal
/// quartiles stays visible.
/// </summary>
[TestClass]
public sealed partial class ChartLegibilityTests
{
    private const double MinimumPx = 12;
    private static readonly ReportFixtures Fixtures = new();

    private static readonly string SixtyCharacters = "Ad hoc, per casus en zonder vaste werkwijze of vaste rollen.";

    private static ChartLabels Labels() =>
        new(TemplateCatalog.Load(TemplateFolders.Shipped).Texts(ReportLanguage.Nl), new ReportFormatter(ReportLanguage.Nl));

    private static StackedBarData ChoiceWithLongLabels() => new(
        "Hoe worden samenwerkingen getoetst?", "Verdeling.", "Antwoord",
        [
            new("adhoc", SixtyCharacters, ChartPalette.Categorical[0]),
            new("fixed", "Met een vaste werkwijze", ChartPalette.Categorical[1]),
            new("board", "Door een commissie die het bestuur adviseert over elke samenwerking", ChartPalette.Categorical[2]),
        ],
        [new BarRow("", [5, 6, 3], [35.7m, 42.9m, 21.4m], OwnIndex: 1)]);

    private static StackedBarData MultiWithLongRowLabels() => new(
        "Bronnen", "Verdeling.", "Bron",
        [new("chosen", "gekozen", ChartPalette.Chosen), new("not_chosen", "niet gekozen", ChartPalette.NotChosen)],
        [new BarRow(SixtyCharacters, [4, 10], [28.6m, 71.4m]), new BarRow("AIVD", [6, 8], [42.9m, 57.1m])]);

    private static BoxPlotData Box(decimal q1, decimal median, decimal q3, string label = "Bestuur en verantwoordelijkheid") =>
        new("Thema", "Kwartielen.", "Thema", 0, 5, [new BoxRow(label, 13, q1, median, q3, Own: 3.5m, Norm: 3)]);

    private static IEnumerable<(string Name, ChartLayout Layout, string Svg)> EveryChart()
    {
        var labels = Labels();
        foreach (var layout in new[] { ChartLayout.Print, ChartLayout.Compact })
        {
            var name = layout == ChartLayout.Print ? "print" : "compact";
            yield return ($"bars/{name}", layout, StackedBarChart.Draw(ChoiceWithLongLabels(), "c", labels, layout));
            yield return ($"multi/{name}", layout, StackedBarChart.Draw(MultiWithLongRowLabels(), "c", labels, layout));
            yield return ($"box/{name}", layout, BoxPlotChart.Draw(Box(2.5m, 3, 3.25m, SixtyCharacters), "c", labels, layout));
        }
    }

    [TestMethod]
    public void The_long_label_has_60_characters() => Assert.HasCount(60, SixtyCharacters);

    [TestMethod]
    public void Every_chart_text_is_at_least_12_px_at_the_scale_it_is_drawn_at()
    {
        foreach (var (name, layout, svg) in EveryChart())
        {
            var viewBoxWidth = double.Parse(ViewBoxWidth().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.AreEqual(layout.Width, viewBoxWidth, name);
            var sizes = FontSize().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.HasCount(TextElement().Matches(svg).Count, sizes, $"{name}: every <text> sets its size");
            Assert.IsNotEmpty(sizes, name);
            Assert.IsGreaterThanOrEqualTo(MinimumPx, sizes.Min() * layout.MinimumScale, $"{name}: smallest text {sizes.Min()} × scale {layout.MinimumScale:0.00}");
        }
    }

    [TestMethod]
    public void The_print_scale_is_what_an_A4_page_with_the_report_margins_leaves()
    {
        // 210 mm minus 2 × 18 mm margins (templates/reports/_layout @page) is 174 mm = 657.6 CSS px: the 640-unit chart
        // is drawn at its own width, and the minimum scale allows for a box padding up to about 100 px.
        var layout = File.ReadAllText(Path.Combine(TemplateFolders.Shipped, "reports", "_layout.scriban-html"));
        Assert.Contains("margin: 20mm 18mm 22mm 18mm;", layout);
        Assert.IsLessThanOrEqualTo((210 - 36) / 25.4 * 96, ChartLayout.Print.Width);
        Assert.IsLessThanOrEqualTo(1.0, ChartLayout.Print.MinimumScale);
    }

    [TestMethod]
    public void A_60_character_legend_label_wraps_onto_several_lines_and_is_never_cut()
    {
        foreach (var (name, _, svg) in EveryChart().Where(c => c.Name.StartsWith("bars", StringComparison.Ordinal)))
        {
            var legend = TextElement().Matches(svg).Select(m => m.Value).Single(t => t.Contains("Ad hoc", StringComparison.Ordinal));
            var lines = TspanText().Matches(legend).Select(m => m.Groups[1].Value).ToList();

            Assert.IsGreaterThan(1, lines.Count, $"{name}: {legend}");
            Assert.AreEqual(SixtyCharacters, string.Join(" ", lines), name);
            Assert.DoesNotContain("…", svg, name);
        }
    }

    [TestMethod]
    public void A_long_row_label_wraps_beside_or_above_its_bar_and_is_never_cut()
    {
        foreach (var (name, _, svg) in EveryChart().Where(c => !c.Name.StartsWith("bars", StringComparison.Ordinal)))
        {
            var label = TextElement().Matches(svg).Select(m => m.Value).Single(t => t.Contains("Ad hoc", StringComparison.Ordinal));

            Assert.AreEqual(SixtyCharacters, string.Join(" ", TspanText().Matches(label).Select(m => m.Groups[1].Value)), name);
            Assert.DoesNotContain("…", svg, name);
        }
    }

    [TestMethod]
    public void Equal_quartiles_still_give_a_visible_box_with_a_median_mark_beyond_it()
    {
        var svg = BoxPlotChart.Draw(Box(3, 3, 3), "c", Labels(), ChartLayout.Print);

        var box = BoxRect().Match(svg);
        Assert.IsTrue(box.Success, svg);
        var (x, y, width, height) = (D(box.Groups[1]), D(box.Groups[2]), D(box.Groups[3]), D(box.Groups[4]));
        Assert.IsGreaterThanOrEqualTo(BoxPlotChart.MinimumBoxWidth, width);
        // Scale 0..5 over x 220..616: 3 is at 457.6, and the box is centred on it.
        Assert.AreEqual(457.6, x + (width / 2), 0.01);
        var median = MedianLine().Match(svg);
        Assert.IsTrue(median.Success, svg);
        Assert.AreEqual(457.6, D(median.Groups[1]), 0.01);
        Assert.IsLessThan(y, D(median.Groups[2]), "the median mark reaches above the box");
        Assert.IsGreaterThan(y + height, D(median.Groups[3]), "and below it");
    }

    private static double D(Group group) => double.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("viewBox=\"0 0 ([0-9.]+) ")]
    private static partial Regex ViewBoxWidth();

    [GeneratedRegex("<text [^>]*font-size=\"([0-9.]+)\"")]
    private static partial Regex FontSize();

    [GeneratedRegex("<text .*?</text>")]
    private static partial Regex TextElement();

    [GeneratedRegex("<tspan [^>]*>([^<]*)</tspan>")]
    private static partial Regex TspanText();

    [GeneratedRegex("<rect x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\" fill=\"#dbe4f3\"")]
    private static partial Regex BoxRect();

    [GeneratedRegex("<line x1=\"([0-9.]+)\" y1=\"([0-9.]+)\" x2=\"[0-9.]+\" y2=\"([0-9.]+)\" stroke=\"#1a1a1a\" stroke-width=\"3\"/>")]
    private static partial Regex MedianLine();
}
