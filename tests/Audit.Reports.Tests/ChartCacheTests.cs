using Audit.Reports.Localization;
using Audit.Reports.Models;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>
/// A renderer reuses the charts it drew before (a sector's feedback reports repeat them). A report must come out the
/// same whatever was rendered before it: the same bytes as from a fresh renderer.
/// </summary>
[TestClass]
public sealed class ChartCacheTests
{
    [TestMethod]
    public void A_shared_renderer_gives_the_bytes_of_a_fresh_one_whatever_came_before()
    {
        var leiden = FeedbackFixtures.Leiden();
        // Another institution of the same sector: other own scores and no own choices, so other chart variants.
        var other = leiden with
        {
            Themes = leiden.Themes.Select(t => t with
            {
                OwnScore = t.OwnScore is null ? 2.5m : t.OwnScore - 0.5m,
                Questions = t.Questions.Select(q => q with { Own = new OwnAnswer("unanswered") }).ToList(),
            }).ToList(),
        };
        var shared = Renderer();
        var sequence = new (FeedbackReport Report, ReportLanguage Language)[]
        {
            (leiden, ReportLanguage.Nl), (other, ReportLanguage.Nl), (leiden, ReportLanguage.En), (other, ReportLanguage.En), (leiden, ReportLanguage.Nl),
        };
        foreach (var (report, language) in sequence)
        {
            var options = new ReportRenderOptions(language);
            Assert.AreEqual(Renderer().RenderFeedback(report, options).Html, shared.RenderFeedback(report, options).Html);
        }
        Assert.AreNotEqual(shared.RenderFeedback(leiden).Html, shared.RenderFeedback(other).Html);
    }

    [TestMethod]
    public void Expanded_data_tables_are_not_served_from_the_collapsed_render()
    {
        var shared = Renderer();
        var collapsed = shared.RenderFeedback(FeedbackFixtures.Leiden()).Html;
        var expanded = shared.RenderFeedback(FeedbackFixtures.Leiden(), new ReportRenderOptions(ReportLanguage.Nl, ExpandDataTables: true)).Html;
        Assert.AreEqual(Renderer().RenderFeedback(FeedbackFixtures.Leiden(), new ReportRenderOptions(ReportLanguage.Nl, ExpandDataTables: true)).Html, expanded);
        Assert.AreNotEqual(collapsed, expanded);
    }

    private static ReportRenderer Renderer() => new(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default);
}
