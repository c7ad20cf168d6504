using Audit.Reports.Localization;
using Audit.Reports.Mapping;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>
/// The national report to parliament on the fixed cycle of <see cref="NationalFixtures"/>: golden files in both
/// languages, and what may never reach it (drafts, versions changed after approval, unescaped markup).
/// </summary>
[TestClass]
public sealed class NationalReportTests
{
    private static ReportRenderer NewRenderer() => new(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default);

    private static string Render(NationalInput input, ReportLanguage language = ReportLanguage.Nl) =>
        NewRenderer().RenderNational(NationalReportMapper.Map(input), new ReportRenderOptions(language)).Html;

    [TestMethod]
    public void National_report() => GoldenFile.AssertMatches("national.nl.html", Render(new NationalFixtures().Input()));

    [TestMethod]
    public void National_report_in_English() =>
        GoldenFile.AssertMatches("national.en.html", Render(new NationalFixtures().Input(), ReportLanguage.En));

    [TestMethod]
    public void Has_the_seven_parts_names_its_baseline_and_withholds_the_small_sector()
    {
        var html = Render(new NationalFixtures().Input());

        foreach (var id in new[] { "summary", "key-figures", "development", "sector-universiteit", "sector-hogeschool", "sector-nwo_instituut", "leidraad", "method", "appendix-universiteit" })
        {
            Assert.Contains($"id=\"{id}\"", html);
        }
        Assert.Contains("Ontwikkeling sinds 2019", html, "the baselines share cycle 2019, which names them");
        Assert.Contains("bestuurlijk belegd</strong>", html, "the approved cycle summary, as Markdown");
        Assert.Contains("Uitkomsten van de risicoanalyses", html);
        Assert.Contains("× niet gepubliceerd", html, "the NWO institutes are too few: withheld in the overview chart");
        Assert.Contains("het hele sectorbeeld", html, "the method counts the withheld sector");
    }

    [TestMethod]
    public void A_draft_sector_finding_or_cycle_summary_never_appears()
    {
        var html = Render(new NationalFixtures().Input(approvedSummary: false));

        Assert.DoesNotContain(NationalFixtures.DraftMarker, html);
        Assert.Contains("De samenvatting van het auditbureau over de hele cyclus volgt", html);
        Assert.Contains("Samenvatting van de sector universiteit.", html, "the approved findings are there");
    }

    [TestMethod]
    public void A_finding_changed_after_approval_never_appears()
    {
        var html = Render(new NationalFixtures().WithChangedFindings());

        Assert.DoesNotContain(NationalFixtures.ChangedMarker, html);
        Assert.DoesNotContain("Samenvatting van de sector universiteit.", html, "the approval no longer holds, so no version of it is shown");
    }

    [TestMethod]
    public void Analyst_text_and_titles_with_markup_come_out_escaped()
    {
        const string attack = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quotes\"";
        var html = Render(new NationalFixtures(s => s + " " + attack).Input());

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [TestMethod]
    public void The_leidraad_map_ranks_least_implemented_first()
    {
        var report = NationalReportMapper.Map(new NationalFixtures().Input());

        Assert.IsNotEmpty(report.Leidraad);
        foreach (var group in report.Leidraad)
        {
            var shares = group.Measures.Select(m => m.Percent ?? decimal.MaxValue).ToList();
            Assert.AreSequenceEqual(shares.Order().ToList(), shares, $"group {group.Key} is ranked lowest first");
        }
        var firsts = report.Leidraad.Select(g => g.Measures[0].Percent ?? decimal.MaxValue).ToList();
        Assert.AreSequenceEqual(firsts.Order().ToList(), firsts, "groups are ordered by their least implemented measure");
        Assert.IsTrue(report.Leidraad.SelectMany(g => g.Measures).All(m => m.Types.Single(c => c.InstitutionType == "nwo_instituut").Suppressed),
            "the withheld sector adds nothing to any share");
    }
}
