using System.Text.Json;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Statistics;
using Audit.Reports.Mapping;
using Audit.Reports.Models;
using Audit.Reports.Rendering;
using Audit.Reports.Templates;
using Audit.Reports.Tests.Support;

namespace Audit.Reports.Tests.Mapping;

/// <summary>An institution's own answers, its sector's published view and the bureau's findings become the feedback model.</summary>
[TestClass]
public sealed class FeedbackMappingTests
{
    private static readonly SyntheticRound Data = new();

    private static Dictionary<string, FeedbackQuestion> Questions(FeedbackReport report) =>
        report.Themes.SelectMany(t => t.Questions).ToDictionary(q => q.Sector.Key);

    [TestMethod]
    public void The_institution_and_its_participation_are_named()
    {
        var report = FeedbackReportMapper.Map(Data.Feedback("leiden"));

        Assert.AreEqual(new InstitutionSummary("leiden", "Universiteit Leiden", "universiteit"), report.Institution);
        Assert.AreEqual("accepted", report.ParticipationStatus);
        Assert.AreEqual("universiteit", report.Sector.InstitutionType);
        Assert.AreEqual("Universiteit Leiden heeft de basis op orde.", report.GeneralFinding);
        Assert.AreEqual("Bevinding over Governance en organisatie.", report.Themes[0].Finding);
        Assert.AreEqual("Aanbeveling over Governance en organisatie.", report.Themes[0].Recommendation);
    }

    [TestMethod]
    public void Own_answers_carry_the_option_keys_the_sector_charts_use()
    {
        var answers = Data.Answers["leiden"];
        var questions = Questions(FeedbackReportMapper.Map(Data.Feedback("leiden")));

        var maturity = questions["governance.volwassenheid"];
        var level = answers["governance.volwassenheid"].GetInt32();
        Assert.AreEqual(AnswerStates.Answered, maturity.Own.State);
        Assert.AreEqual(level, maturity.Own.Value);
        Assert.AreSequenceEqual(new[] { level.ToString(System.Globalization.CultureInfo.InvariantCulture) }, maturity.Own.OptionKeys.ToArray());
        Assert.Contains(maturity.Own.OptionKeys[0], maturity.Sector.Distribution.Select(d => d.Option).ToList());
        Assert.AreEqual(maturity.Sector.Distribution[level].Label, maturity.Own.OptionLabels[0]);

        var yesNo = questions["governance.bestuurder"];
        Assert.AreEqual(answers["governance.bestuurder"].GetString(), yesNo.Own.OptionKeys[0]);
        Assert.AreEqual(yesNo.Own.OptionKeys[0] == "yes" ? "Ja" : "Nee", yesNo.Own.OptionLabels[0]);

        var multi = questions["partnerschappen.toetsmomenten"];
        var chosen = answers["partnerschappen.toetsmomenten"].EnumerateArray().Select(e => e.GetString()).ToHashSet();
        var question = Data.Questionnaire.FindQuestion("partnerschappen.toetsmomenten")!;
        Assert.AreSequenceEqual(question.Options.Where(o => chosen.Contains(o.Key)).Select(o => o.Label).ToArray(), multi.Own.OptionLabels.ToArray());

        var number = questions["risicoanalyse.aantal_beoordeeld"];
        Assert.AreEqual(answers["risicoanalyse.aantal_beoordeeld"].GetDecimal(), number.Own.Value);

        var text = questions["bewustzijn.toelichting"];
        Assert.AreEqual("Universiteit Leiden (leiden) licht toe: bewustzijn.toelichting.", text.Own.Text);
        Assert.AreEqual("Toelichting van Universiteit Leiden (leiden) bij governance.bestuurder.", yesNo.Own.Comment);
    }

    [TestMethod]
    public void An_own_grid_is_complete_with_its_totals()
    {
        var id = Data.Institutions.First(i => Data.Answers[i.Id]["risicoanalyse.uitgevoerd"].GetString() == "yes").Id;
        var value = Data.Answers[id]["risicoanalyse.uitkomsten"];
        var grid = Questions(FeedbackReportMapper.Map(Data.Feedback(id)))["risicoanalyse.uitkomsten"].Own.Grid!;

        var expectedTotal = value.EnumerateObject().Sum(row => row.Value.EnumerateObject().Sum(cell => cell.Value.GetInt64()));
        Assert.AreEqual(expectedTotal, grid.Total.Sum);
        Assert.IsFalse(grid.HasSuppressed);
        Assert.HasCount(4, grid.Rows);
        Assert.AreEqual(grid.Rows.Sum(r => r.Total.Sum), grid.ColumnTotals.Sum(c => c.Sum));
    }

    [TestMethod]
    public void A_question_hidden_by_an_earlier_answer_is_not_asked()
    {
        var id = Data.Institutions.First(i => Data.Answers[i.Id]["governance.coordinator"].GetString() == "yes").Id;

        var question = Questions(FeedbackReportMapper.Map(Data.Feedback(id)))["governance.toelichting_coordinator"];

        // The synthetic institution did store an answer; it is stale and must not show.
        Assert.IsTrue(Data.Answers[id].ContainsKey("governance.toelichting_coordinator"));
        Assert.AreEqual(AnswerStates.NotAsked, question.Own.State);
        Assert.IsNull(question.Own.Text);
    }

    [TestMethod]
    public void Unanswered_and_not_applicable_answers_have_their_own_state()
    {
        var input = Data.Feedback("leiden");
        var answers = new Dictionary<string, JsonElement>(input.Answers);
        answers.Remove("governance.beleid");
        answers["governance.netwerk"] = JsonSerializer.SerializeToElement("not_applicable");

        var questions = Questions(FeedbackReportMapper.Map(input with { Answers = answers }));

        Assert.AreEqual(AnswerStates.Unanswered, questions["governance.beleid"].Own.State);
        Assert.AreEqual(AnswerStates.NotApplicable, questions["governance.netwerk"].Own.State);
    }

    [TestMethod]
    public void The_own_theme_score_is_the_mean_of_its_maturity_answers_rounded_like_the_sector()
    {
        var input = Data.Feedback("leiden");

        var report = FeedbackReportMapper.Map(input);

        for (var t = 0; t < report.Themes.Count; t++)
        {
            var theme = Data.Questionnaire.Themes[t];
            var expected = ThemeScores.For(Data.Questionnaire, theme, input.Answers) is { } s ? StatRounding.Statistic(s) : (decimal?)null;
            Assert.AreEqual(expected, report.Themes[t].OwnScore, theme.Key);
            Assert.IsNotNull(report.Themes[t].OwnScore);
            Assert.IsNull(report.Themes[t].BaselineOwnScore);
        }
    }

    [TestMethod]
    public void Baseline_answers_give_the_own_trend()
    {
        var input = Data.Feedback("leiden");
        var before = Data.Answers["uva"];

        var report = FeedbackReportMapper.Map(input with { Baseline = new BaselineAnswers(Data.Questionnaire, before) });

        var theme = Data.Questionnaire.Themes[0];
        Assert.AreEqual(StatRounding.Statistic(ThemeScores.For(Data.Questionnaire, theme, before)!.Value), report.Themes[0].BaselineOwnScore);
        var question = report.Themes[0].Questions.Single(q => q.Sector.Key == "governance.volwassenheid");
        Assert.AreEqual(before["governance.volwassenheid"].GetInt32(), question.Baseline!.Value);
    }

    [TestMethod]
    public void A_feedback_report_is_made_from_the_published_view_of_the_own_sector_only()
    {
        var input = Data.Feedback("leiden");

        Assert.ThrowsExactly<ArgumentException>(() =>
            FeedbackReportMapper.Map(input with { PublishedSector = Data.InternalView(InstitutionType.Universiteit) }));
        Assert.ThrowsExactly<ArgumentException>(() =>
            FeedbackReportMapper.Map(input with { PublishedSector = Data.PublishedView(InstitutionType.Hogeschool) }));
        Assert.ThrowsExactly<ArgumentException>(() =>
            FeedbackReportMapper.Map(input with { Findings = new BureauFindings(null, new Dictionary<string, ThemeFinding> { ["nope"] = new("x", null) }) }));
    }

    [TestMethod]
    public void In_a_withheld_sector_the_own_answers_stay_and_no_sector_figure_appears()
    {
        var id = Data.Accepted(InstitutionType.To2Instituut)[0].Id;

        var report = FeedbackReportMapper.Map(Data.Feedback(id));
        var html = new ReportRenderer(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default).RenderFeedback(report).Html;

        Assert.IsTrue(report.Sector.Suppressed);
        Assert.IsTrue(report.Themes.All(t => t.Sector.Suppressed && t.OwnScore is not null));
        Assert.Contains("Voor deze sector worden geen cijfers gepubliceerd", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("Mediaan sector", html);
        Assert.DoesNotContain("Beantwoord door", html);
        Assert.Contains(report.Institution.Name, html);
    }

    [TestMethod]
    public void The_rendered_report_marks_the_own_answer_and_score_on_the_sector_charts()
    {
        var report = FeedbackReportMapper.Map(Data.Feedback("leiden"));
        var html = new ReportRenderer(TemplateCatalog.Load(TemplateFolders.Shipped), FixedClock.Default).RenderFeedback(report).Html;

        var maturity = Questions(report)["governance.volwassenheid"];
        Assert.Contains($"Uw antwoord: {maturity.Own.OptionLabels[0]}.", html);
        var score = new Localization.ReportFormatter(Localization.ReportLanguage.Nl).Number(report.Themes[0].OwnScore);
        Assert.Contains($"Eigen score: {score}.", html);
        Assert.Contains("Bevinding over Governance en organisatie.", html);
    }
}
