using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>Every report says what it was made from: round, questionnaire version, sector views, template version, time.</summary>
[TestClass]
public sealed class ProvenanceTests
{
    private static readonly TemplateCatalog Catalog = TemplateCatalog.Load(TemplateFolders.Shipped);

    [TestMethod]
    public void The_footer_names_round_questionnaire_fingerprint_template_version_and_time()
    {
        var fixtures = new ReportFixtures();
        var rendered = new ReportRenderer(Catalog, FixedClock.Default).RenderSector(fixtures.SectorDocument);

        var provenance = rendered.Provenance;
        Assert.AreEqual("2026-kennisveiligheid", provenance.RoundId);
        Assert.AreEqual("2026", provenance.QuestionnaireVersion);
        Assert.AreEqual(fixtures.Universities.Fingerprint, provenance.SectorViews.Single().Fingerprint);
        Assert.AreEqual(Catalog.TemplateVersion(ReportRenderer.SectorTemplate, Localization.ReportLanguage.Nl), provenance.TemplateVersion);
        Assert.AreEqual(FixedClock.Default.GetUtcNow(), provenance.GeneratedAt);

        var footer = rendered.Html[rendered.Html.IndexOf("<footer class=\"provenance\">", StringComparison.Ordinal)..];
        Assert.Contains("<dd>2026-kennisveiligheid</dd>", footer);
        Assert.Contains("<dd>kennisveiligheid, versie 2026</dd>", footer);
        Assert.Contains($"<dt>Sectorbeeld Universiteiten</dt><dd><code>{fixtures.Universities.Fingerprint}</code></dd>", footer);
        Assert.Contains($"<dd><code>{provenance.TemplateVersion}</code></dd>", footer);
        Assert.Contains("<time datetime=\"2026-11-22T10:00:00Z\">22 november 2026, 11:00</time>", footer);
    }

    [TestMethod]
    public void The_parliament_report_names_every_sector_view()
    {
        var fixtures = new ReportFixtures();

        var rendered = new ReportRenderer(Catalog, FixedClock.Default).RenderParliament(fixtures.Parliament);

        Assert.AreSequenceEqual(
            new[] { "universiteit", "to2_instituut" },
            rendered.Provenance.SectorViews.Select(v => v.InstitutionType).ToArray());
        Assert.Contains(fixtures.To2Institutes.Fingerprint, rendered.Html);
    }

    [TestMethod]
    public void Only_the_clock_changes_between_renders_at_different_times()
    {
        var document = new ReportFixtures().SectorDocument;
        var early = new ReportRenderer(Catalog, FixedClock.Default).RenderSector(document).Html;
        var later = new ReportRenderer(Catalog, new FixedClock(new DateTimeOffset(2027, 1, 5, 8, 15, 0, TimeSpan.Zero))).RenderSector(document).Html;

        Assert.AreNotEqual(early, later);
        Assert.AreEqual(
            early.Replace("2026-11-22T10:00:00Z\">22 november 2026, 11:00", "T", StringComparison.Ordinal),
            later.Replace("2027-01-05T08:15:00Z\">5 januari 2027, 09:15", "T", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Each_report_has_its_own_template_version()
    {
        var versions = new[] { ReportRenderer.FeedbackTemplate, ReportRenderer.SectorTemplate, ReportRenderer.ParliamentTemplate }
            .Select(key => Catalog.TemplateVersion(key, Localization.ReportLanguage.Nl))
            .ToList();

        Assert.HasCount(3, versions.Distinct());
    }
}
