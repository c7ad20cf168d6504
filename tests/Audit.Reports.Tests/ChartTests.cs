using System.Globalization;
using System.Text.RegularExpressions;
using Audit.Reports.Charts;
using Audit.Reports.Localization;
using Audit.Reports.Models;
using Audit.Reports.Tests.Support;
using Scriban.Syntax;

namespace Audit.Reports.Tests;

/// <summary>Charts are accessible (title, desc, role, data table), escaped, readable (contrast) and deterministic.</summary>
[TestClass]
public sealed partial class ChartTests
{
    private static readonly ReportFixtures Fixtures = new();

    private static string Bars(QuestionReport question, OwnAnswer? own = null, ReportLanguage language = ReportLanguage.Nl) =>
        Renders.Template("{{ chart.bars report.question report.own }}", new { Question = question, Own = own }, language);

    [TestMethod]
    public void A_bar_chart_has_role_title_desc_and_a_data_table()
    {
        var html = Bars(Fixtures.GovernanceContact);

        Assert.Contains("role=\"img\" aria-labelledby=\"chart-1-title chart-1-desc\"", html);
        Assert.Contains("<title id=\"chart-1-title\">Is er een aangewezen contactpersoon kennisveiligheid?</title>", html);
        Assert.Contains("<desc id=\"chart-1-desc\">Verdeling van 14 antwoorden: Ja 12 (85,7%), Nee 2 (14,3%).</desc>", html);
        Assert.Contains("<details class=\"chart-data\"><summary>Tabel bij de grafiek</summary>", html);
        Assert.Contains("<tr><th scope=\"row\">Ja</th><td>12</td><td>85,7%</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Nee</th><td>2</td><td>14,3%</td></tr>", html);
        // The table follows the picture, inside the same chart block.
        Assert.IsLessThan(html.IndexOf("<details", StringComparison.Ordinal), html.IndexOf("</svg>", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Segment_widths_follow_the_counts()
    {
        var html = Bars(Fixtures.GovernanceContact);

        // 624 px of bar: 12 of 14 is 534.86, 2 of 14 is 89.14.
        Assert.Contains("<rect x=\"8\" y=\"8\" width=\"534.86\" height=\"26\" fill=\"#1d5fa8\"", html);
        Assert.Contains("<rect x=\"542.86\" y=\"8\" width=\"89.14\" height=\"26\" fill=\"#b35900\"", html);
    }

    [TestMethod]
    public void The_own_answer_is_marked_in_the_chart_the_description_and_the_table()
    {
        var html = Bars(Fixtures.GovernanceContact, new OwnAnswer("answered", OptionKeys: ["no"], OptionLabels: ["Nee"]));

        Assert.Contains("<polygon", html);
        Assert.Contains("Uw antwoord: Nee.</desc>", html);
        Assert.Contains("<th scope=\"row\">Nee (uw antwoord)</th>", html);
    }

    [TestMethod]
    public void A_multi_choice_question_gets_one_bar_per_option()
    {
        var html = Bars(Fixtures.RiskSources, new OwnAnswer("answered", OptionKeys: ["aivd"]));

        Assert.Contains("<thead><tr><th scope=\"col\">Antwoordoptie</th><th scope=\"col\">gekozen</th><th scope=\"col\">niet gekozen</th></tr></thead>", html);
        Assert.Contains("<tr><th scope=\"row\">AIVD (uw antwoord)</th><td>6 (42,9%)</td><td>8 (57,1%)</td></tr>", html);
        Assert.Contains(">Loket Kennisveiligheid</text>", html);
    }

    [TestMethod]
    public void A_box_plot_shows_quartiles_norm_and_own_score()
    {
        var html = Renders.Template("{{ chart.box report 3.5 }}", Fixtures.Governance);

        Assert.Contains("role=\"img\" aria-labelledby=\"chart-1-title chart-1-desc\"", html);
        Assert.Contains("<title id=\"chart-1-title\">Bestuur en verantwoordelijkheid</title>", html);
        Assert.Contains("mediaan 3, eerste kwartiel 2,5, derde kwartiel 3,25, over 13 instellingen. Eigen score: 3,5. Norm: 3.</desc>", html);
        Assert.Contains("<td>13</td><td>2,5</td><td>3</td><td>3,25</td><td>3,5</td><td>3</td>", html);
        // Scale 0..5 over x 220..616: Q1 2.5 at 418, Q3 3.25 at 477.4, median 3 at 457.6, own 3.5 at 497.2. The theme
        // title wraps onto two lines beside the box, so the row is 44 high and its middle at y 30.
        Assert.Contains("<rect x=\"418\" y=\"20\" width=\"59.4\" height=\"20\" fill=\"#dbe4f3\"", html);
        Assert.Contains("<line x1=\"457.6\" y1=\"15\" x2=\"457.6\" y2=\"45\"", html);
        Assert.Contains("<polygon points=\"497.2,22 505.2,30 497.2,38 489.2,30\"", html);
    }

    [TestMethod]
    public void Text_in_charts_is_escaped()
    {
        var question = Fixtures.GovernanceContact with
        {
            Text = "<script>alert(1)</script>",
            Distribution = [new("yes", "\"><img src=x onerror=alert(1)>", 12, 85.7m), new("no", "R&D", 2, 14.3m)],
        };

        var html = Bars(question);

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("<title id=\"chart-1-title\">&lt;script&gt;alert(1)&lt;/script&gt;</title>", html);
        Assert.Contains(">R&amp;D</text>", html);
        Assert.Contains("<th scope=\"row\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</th>", html);
    }

    [TestMethod]
    public void Charting_a_suppressed_question_fails_the_render()
    {
        var error = Assert.ThrowsExactly<ScriptRuntimeException>(() => Bars(Fixtures.RiskExportControl));

        Assert.Contains("suppressed", error.Message);
    }

    [TestMethod]
    public void Chart_ids_are_unique_within_a_document()
    {
        var html = Renders.Template("{{ chart.bars report.a }}{{ chart.bars report.b }}", new { A = Fixtures.GovernanceContact, B = Fixtures.RiskScreening });

        Assert.Contains("id=\"chart-1-title\"", html);
        Assert.Contains("id=\"chart-2-title\"", html);
    }

    [TestMethod]
    public void Coordinates_do_not_depend_on_the_thread_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        string invariant, german;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = Bars(Fixtures.GovernanceMaturity);
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            german = Bars(Fixtures.GovernanceMaturity);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.AreEqual(invariant, german);
        Assert.DoesNotMatchRegex(CommaInCoordinate(), german);
    }

    [TestMethod]
    public void Every_chart_colour_meets_WCAG_AA()
    {
        foreach (var fill in ChartPalette.AllFills)
        {
            // 1.4.11 non-text contrast against the page, 1.4.3 text contrast inside the fill.
            Assert.IsGreaterThanOrEqualTo(3.0, ChartPalette.ContrastRatio(fill, ChartPalette.Page), fill);
            Assert.IsGreaterThanOrEqualTo(4.5, ChartPalette.ContrastRatio(fill, ChartPalette.TextOn(fill)), fill);
        }
        Assert.IsGreaterThanOrEqualTo(4.5, ChartPalette.ContrastRatio(ChartPalette.Ink, ChartPalette.Page));
        Assert.AreEqual(21.0, ChartPalette.ContrastRatio("#000000", "#ffffff"), 1e-9);
    }

    [TestMethod]
    public void Data_tables_start_open_when_asked_for_print()
    {
        using var folder = TemplateFolders.Scratch(new Dictionary<string, string> { ["reports/test.scriban-html"] = "{{ chart.bars report }}" });
        var renderer = new Rendering.ReportRenderer(Templates.TemplateCatalog.Load(folder.Root), FixedClock.Default);

        var html = renderer.Render("reports/test.scriban-html", Fixtures.GovernanceContact, Renders.Round, [], new(ReportLanguage.Nl, ExpandDataTables: true)).Html;

        Assert.Contains("<details class=\"chart-data\" open>", html);
    }

    [GeneratedRegex("(x|y|x1|x2|y1|y2|width|height)=\"[0-9]+,[0-9]")]
    private static partial Regex CommaInCoordinate();
}
