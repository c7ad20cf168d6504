using Audit.Core.Disclosure;
using Audit.Reports.Charts;
using Audit.Reports.Models;

namespace Audit.Reports.Mapping;

/// <summary>
/// What the sector pages chart: per theme key its box plot model and per question key its bar model, only for the
/// themes and questions that have a chart. Pages render them with <c>chart.box</c> and <c>chart.bars</c>.
/// </summary>
public sealed record SectorPageCharts(IReadOnlyDictionary<string, ThemeReport> Themes, IReadOnlyDictionary<string, QuestionReport> Questions)
{
    /// <summary>
    /// The charts of a sector view of either kind. They are always drawn from the PUBLISHED form (an internal view is
    /// reduced with <see cref="PublishedForm"/> first) and mapped exactly as the reports map it, so a page chart is the
    /// report's chart, and no chart, not even on the bureau's internal page, shows a figure the disclosure rules withhold.
    /// The page's table behind the chart is where the bureau sees those figures, marked.
    /// </summary>
    public static SectorPageCharts Of(Questionnaire questionnaire, SectorView view)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(view);
        var published = view.View == SectorViewKinds.Published ? view : PublishedForm.Of(view);
        PublishedViews.CheckPublished(published, nameof(view));
        var themes = SectorReportMapper.Themes(questionnaire, published, themeSummaries: null);
        return new SectorPageCharts(
            themes.Where(t => !t.Suppressed && t.Score is not null).ToDictionary(t => t.Key, StringComparer.Ordinal),
            themes.SelectMany(t => t.Questions).Where(ChartFunctions.HasBars).ToDictionary(q => q.Key, StringComparer.Ordinal));
    }
}
