using Audit.Core.Questionnaires;
using Audit.Core.Rounds;
using Audit.Reports.Localization;
using Audit.Reports.Mapping;
using Audit.Reports.Models;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests;

/// <summary>
/// The board conversation pack: condensed from the feedback model (the same figures, no other institution's), the
/// bureau's top recommendations chosen and cut to fit, golden files in both languages, and analysts' text escaped.
/// </summary>
[TestClass]
public sealed class BoardSummaryTests
{
    private static ReportRenderer NewRenderer() => new(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default);

    /// <summary>Leiden in the synthetic round, with a baseline round and a recommendation on every theme.</summary>
    internal static FeedbackReport Feedback(Func<string, string>? user = null, Func<string, string>? recommendation = null, string language = "nl")
    {
        var data = new SyntheticRound(user);
        var questionnaire = data.Questionnaire.In(language);
        var input = data.Feedback("leiden", user) with { Questionnaire = questionnaire };
        var texts = recommendation ?? (title => $"Aanbeveling over {title}.");
        var baselineRound = new Round("2021-nulmeting", "Nulmeting 2021", input.Round.Questionnaire,
            new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 6, 30, 0, 0, 0, TimeSpan.Zero),
            DisclosureSettings.Default, RoundStatus.Published);
        return FeedbackReportMapper.Map(input with
        {
            Round = input.Round with { BaselineRoundId = baselineRound.Id },
            BaselineRound = baselineRound,
            // Another university's synthetic answers stand in for Leiden's own answers two years earlier.
            Baseline = new BaselineAnswers(questionnaire, data.Answers["eur"]),
            Findings = input.Findings! with
            {
                Themes = data.Questionnaire.Themes.ToDictionary(
                    t => t.Key, t => new ThemeFinding($"Bevinding over {t.Title}.", texts(t.Title)), StringComparer.Ordinal),
            },
        });
    }

    internal static BoardSummary Summary(Func<string, string>? user = null, Func<string, string>? recommendation = null, string language = "nl") =>
        BoardSummaryMapper.Map(Feedback(user, recommendation, language));

    [TestMethod]
    public void Board_summary() =>
        GoldenFile.AssertMatches("board-summary.nl.html", NewRenderer().RenderBoardSummary(Summary()).Html);

    [TestMethod]
    public void Board_summary_in_English() =>
        GoldenFile.AssertMatches("board-summary.en.html", NewRenderer().RenderBoardSummary(Summary(language: "en"), new ReportRenderOptions(ReportLanguage.En)).Html);

    [TestMethod]
    public void Every_figure_is_the_feedback_reports_own_or_its_published_sectors()
    {
        var feedback = Feedback();
        var summary = BoardSummaryMapper.Map(feedback);

        Assert.HasCount(feedback.Themes.Count, summary.Themes);
        Assert.AreEqual(feedback.Sector.Fingerprint, summary.SectorFingerprint);
        for (var i = 0; i < feedback.Themes.Count; i++)
        {
            var (theme, line) = (feedback.Themes[i], summary.Themes[i]);
            Assert.AreEqual(theme.Sector.Key, line.Key);
            Assert.AreEqual(theme.OwnScore, line.OwnScore);
            Assert.AreEqual(theme.BaselineOwnScore, line.BaselineOwnScore);
            Assert.AreEqual(theme.Sector.Suppressed ? null : theme.Sector.Score, line.Sector);
            Assert.AreEqual(theme.Sector.Norm, line.Norm);
            Assert.AreEqual(theme.OwnScore - theme.BaselineOwnScore, line.Change);
        }
    }

    [TestMethod]
    public void The_html_names_no_other_institution()
    {
        var data = new SyntheticRound();
        var html = NewRenderer().RenderBoardSummary(Summary()).Html;

        Assert.Contains("Universiteit Leiden", html);
        foreach (var other in data.Institutions.Where(i => i.Id != "leiden"))
        {
            Assert.DoesNotContain(other.Name, html);
        }
    }

    [TestMethod]
    public void At_most_five_recommendations_those_furthest_below_the_norm_in_theme_order()
    {
        var feedback = Feedback();
        var summary = BoardSummaryMapper.Map(feedback);

        Assert.IsGreaterThan(BoardRecommendation.MaxCount, feedback.Themes.Count, "the fixture has more recommendations than fit");
        Assert.HasCount(BoardRecommendation.MaxCount, summary.Recommendations);
        Assert.AreEqual(feedback.Themes.Count - BoardRecommendation.MaxCount, summary.RecommendationsLeftOut);
        var order = feedback.Themes.Select(t => t.Sector.Key).ToList();
        var chosen = summary.Recommendations.Select(r => order.IndexOf(r.ThemeKey)).ToList();
        Assert.AreSequenceEqual(chosen.Order().ToList(), chosen, "theme order");
        // Every theme left out lags no more than any chosen one.
        decimal Gap(FeedbackTheme t) => t.OwnScore!.Value - (t.Sector.Norm ?? t.Sector.Score!.Median);
        var chosenGaps = feedback.Themes.Where(t => summary.Recommendations.Any(r => r.ThemeKey == t.Sector.Key)).Select(Gap).ToList();
        var leftGaps = feedback.Themes.Where(t => summary.Recommendations.All(r => r.ThemeKey != t.Sector.Key)).Select(Gap).ToList();
        Assert.IsLessThanOrEqualTo(leftGaps.Min(), chosenGaps.Max());
    }

    [TestMethod]
    public void A_long_recommendation_is_cut_at_a_word_and_marked()
    {
        var summary = Summary(recommendation: title => string.Join(' ', Enumerable.Repeat($"Versterk {title} structureel", 400)));

        foreach (var item in summary.Recommendations)
        {
            Assert.IsTrue(item.Shortened);
            Assert.IsLessThanOrEqualTo(BoardRecommendation.MaxLength + 1, item.Text.Length);
            Assert.EndsWith("…", item.Text);
            Assert.IsFalse(char.IsWhiteSpace(item.Text[^2]), "cut at a word, not after a space");
        }
        Assert.Contains("ingekort", NewRenderer().RenderBoardSummary(summary).Html);
    }

    [TestMethod]
    public void Without_recommendations_the_summary_says_so()
    {
        var feedback = Feedback();
        var summary = BoardSummaryMapper.Map(feedback with { Themes = [.. feedback.Themes.Select(t => t with { Recommendation = null })] });

        Assert.IsEmpty(summary.Recommendations);
        Assert.AreEqual(0, summary.RecommendationsLeftOut);
        Assert.Contains("geen aanbevelingen vastgelegd", NewRenderer().RenderBoardSummary(summary).Html);
    }

    [TestMethod]
    public void Text_an_analyst_writes_with_script_and_markup_comes_out_escaped()
    {
        const string Attack = "<script>alert(1)</script><b onclick=\"x()\">&amp;";
        var summary = Summary(user: s => s + Attack, recommendation: title => "Doe dit " + Attack);

        foreach (var language in ReportLanguages.All)
        {
            var html = NewRenderer().RenderBoardSummary(summary, new ReportRenderOptions(language)).Html;

            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("<b onclick", html);
            Assert.Contains("Doe dit &lt;script&gt;alert(1)&lt;/script&gt;&lt;b onclick=&quot;x()&quot;&gt;&amp;amp;", html);
        }
    }

    [TestMethod]
    public void A_suppressed_sector_shows_own_scores_only_without_a_chart()
    {
        var feedback = Feedback();
        var withheld = feedback.Sector with
        {
            Suppressed = true, SuppressedReason = "group_too_small", Included = null,
            Themes = [.. feedback.Sector.Themes.Select(t => t with { Suppressed = true, Score = null })],
        };
        var summary = BoardSummaryMapper.Map(feedback with
        {
            Sector = withheld,
            Themes = [.. feedback.Themes.Select((t, i) => t with { Sector = withheld.Themes[i] })],
        });

        var html = NewRenderer().RenderBoardSummary(summary).Html;

        Assert.IsTrue(summary.SectorSuppressed);
        Assert.IsTrue(summary.Themes.All(t => t.Sector is null && t.Position == BoardPositions.Unknown));
        Assert.DoesNotContain("<svg", html);
        Assert.Contains(summary.Themes[0].Title, html);
    }
}
