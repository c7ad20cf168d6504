using Audit.Reports.Localization;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>
/// The three reports rendered from fixed fixtures with a fixed clock, compared with checked-in HTML.
/// A template change shows up as a reviewable diff of these files (see <see cref="GoldenFile"/>).
/// </summary>
[TestClass]
public sealed class GoldenReportTests
{
    private static ReportRenderer NewRenderer() => new(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default);

    [TestMethod]
    public void Feedback_report() =>
        GoldenFile.AssertMatches("feedback.nl.html", NewRenderer().RenderFeedback(FeedbackFixtures.Leiden()).Html);

    [TestMethod]
    public void Sector_report() =>
        GoldenFile.AssertMatches("sector.nl.html", NewRenderer().RenderSector(new ReportFixtures().SectorDocument).Html);

    [TestMethod]
    public void Sector_report_in_English() =>
        GoldenFile.AssertMatches("sector.en.html", NewRenderer().RenderSector(new ReportFixtures().SectorDocument, new ReportRenderOptions(ReportLanguage.En)).Html);

    [TestMethod]
    public void Parliament_report() =>
        GoldenFile.AssertMatches("parliament.nl.html", NewRenderer().RenderParliament(new ReportFixtures().Parliament).Html);

    [TestMethod]
    public void The_same_inputs_and_clock_give_the_same_bytes()
    {
        // Separate catalogs and renderers: nothing may depend on load order, caches or earlier renders.
        var first = NewRenderer();
        var second = NewRenderer();
        var fixtures = new ReportFixtures();

        Assert.AreEqual(first.RenderFeedback(FeedbackFixtures.Leiden()).Html, second.RenderFeedback(FeedbackFixtures.Leiden()).Html);
        Assert.AreEqual(first.RenderSector(fixtures.SectorDocument).Html, second.RenderSector(fixtures.SectorDocument).Html);
        Assert.AreEqual(first.RenderParliament(fixtures.Parliament).Html, first.RenderParliament(fixtures.Parliament).Html);
    }
}
