using Audit.Core.Disclosure;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.SectorViews;
using Audit.Reports.Mapping;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests.Mapping;

/// <summary>The sector pages chart what the reports chart, from the published form, whichever view the page shows.</summary>
[TestClass]
public sealed class SectorPageChartsTests
{
    private static readonly SyntheticRound Data = new();

    [TestMethod]
    public void The_internal_view_is_charted_from_its_published_form_so_a_withheld_question_or_theme_has_no_chart()
    {
        var view = Data.InternalView(InstitutionType.Universiteit);
        var question = view.Questions.First(q => q.Distribution is { Count: > 0 } && q.Type == "yes_no");
        var theme = view.Themes[1];
        var withheld = view with
        {
            Questions = [.. view.Questions.Select(q => q.Key == question.Key ? q with { Suppressed = true, Reason = SuppressionReasons.TooFewAnswers } : q)],
            Themes = [.. view.Themes.Select(t => t.Key == theme.Key ? t with { Suppressed = true, Reason = SuppressionReasons.TooFewAnswers } : t)],
        };

        var fromInternal = SectorPageCharts.Of(Data.Questionnaire, withheld);
        var fromPublished = SectorPageCharts.Of(Data.Questionnaire, PublishedForm.Of(withheld));

        Assert.IsFalse(fromInternal.Questions.ContainsKey(question.Key), "the internal view still has the figures; the chart does not");
        Assert.IsFalse(fromInternal.Themes.ContainsKey(theme.Key));
        Assert.AreSequenceEqual(fromPublished.Questions.Keys.ToList(), fromInternal.Questions.Keys.ToList());
        Assert.AreSequenceEqual(fromPublished.Themes.Keys.ToList(), fromInternal.Themes.Keys.ToList());
        foreach (var (key, chart) in fromPublished.Questions)
        {
            var other = fromInternal.Questions[key];
            Assert.AreEqual((chart.Number, chart.Text, chart.Type, chart.Answered), (other.Number, other.Text, other.Type, other.Answered), key);
            Assert.AreSequenceEqual(chart.Distribution.ToList(), fromInternal.Questions[key].Distribution.ToList(), key);
        }
    }

    [TestMethod]
    public void Only_the_distribution_types_the_reports_chart_have_a_chart_and_a_view_withheld_as_a_whole_has_none()
    {
        var charts = SectorPageCharts.Of(Data.Questionnaire, Data.PublishedView(InstitutionType.Universiteit));
        var types = Data.Questionnaire.AllQuestions.ToDictionary(q => q.Key, q => q.Type.ToWireName());

        Assert.IsNotEmpty(charts.Questions);
        Assert.IsTrue(charts.Questions.Keys.All(k => types[k] is "maturity" or "yes_no" or "single_choice" or "multi_choice"));
        Assert.HasCount(Data.Questionnaire.Themes.Count, charts.Themes);

        var whole = Data.InternalView(InstitutionType.Universiteit) with { Suppressed = true, Reason = SuppressionReasons.GroupTooSmall };
        var none = SectorPageCharts.Of(Data.Questionnaire, whole);
        Assert.IsEmpty(none.Questions);
        Assert.IsEmpty(none.Themes);
    }
}
