using System.Text;
using Audit.Core.SectorViews;
using static Audit.Core.Tests.SectorViews.SectorViewFixture;
using static Audit.Core.Tests.Statistics.NumericStatisticsTests;

namespace Audit.Core.Tests.Statistics;

[TestClass]
public sealed class ChoiceGridTextStatisticsTests
{
    [TestMethod]
    public void Yes_no_lists_both_options_with_percent_of_answered_and_meets_norm()
    {
        var q = Compute(OneQuestion("governance.policy", "\"yes\"", "\"yes\"", "\"no\"", "\"not_applicable\"", "\"yes\""))
            .Question("governance.policy");
        Assert.AreEqual("yes_no", q.Type);
        Assert.AreEqual(4, q.Answered);
        Assert.AreEqual(1, q.NotApplicable);
        Assert.AreSequenceEqual(new[] { "yes:3:75.0", "no:1:25.0" }, Describe(q.Distribution!));
        Assert.AreEqual(new NormCount(3, 75.0m), q.MeetsNorm);
        Assert.IsNull(q.Mean);

        var allYes = Compute(OneQuestion("governance.policy", "\"yes\"", "\"yes\"")).Question("governance.policy");
        Assert.AreSequenceEqual(new[] { "yes:2:100.0", "no:0:0.0" }, Describe(allYes.Distribution!));
    }

    [TestMethod]
    public void Single_choice_lists_every_option_in_definition_order_even_at_zero()
    {
        var q = Compute(OneQuestion("risk.screening", "\"full\"", "\"partial\"", "\"full\"", "\"unknown\""))
            .Question("risk.screening");
        Assert.AreEqual(3, q.Answered); // an unknown key is skipped
        Assert.AreSequenceEqual(new[] { "none:0:0.0", "partial:1:33.3", "full:2:66.7" }, Describe(q.Distribution!));
        Assert.AreEqual(new NormCount(2, 66.7m), q.MeetsNorm);
    }

    [TestMethod]
    public void Multi_choice_counts_respondents_per_option()
    {
        var q = Compute(OneQuestion("risk.countries", """["cn","ru"]""", """["cn"]""", "[]", """["cn","cn","ir"]"""))
            .Question("risk.countries");
        Assert.AreEqual("multi_choice", q.Type);
        Assert.AreEqual(4, q.Answered); // an empty selection is an answer
        // A repeated key counts once: shares are of respondents, not of ticks.
        Assert.AreSequenceEqual(new[] { "cn:3:75.0", "ru:1:25.0", "ir:1:25.0" }, Describe(q.Distribution!));
        Assert.IsNull(q.MeetsNorm);
    }

    [TestMethod]
    public void Grid_sums_cells_rows_columns_and_total_with_contributors()
    {
        var view = Compute(OneQuestion("risk.outcomes",
            """{"cn":{"approved":3,"declined":1}}""",
            """{"cn":{"approved":2},"ru":{"declined":4}}""",
            "{}"));
        var q = view.Question("risk.outcomes");

        Assert.AreEqual("grid", q.Type);
        Assert.AreEqual(3, q.Answered); // an empty grid is an answer: "none of these"
        Assert.AreSequenceEqual(
            new[] { "cn/approved=5 by 2", "cn/declined=1 by 1", "ru/approved=0 by 0", "ru/declined=4 by 1" },
            q.Cells!.Select(c => $"{c.Row}/{c.Column}={c.Sum} by {c.Contributors}").ToArray());
        Assert.AreSequenceEqual(new[] { "cn=6 by 2", "ru=4 by 1" },
            q.RowTotals!.Select(r => $"{r.Row}={r.Sum} by {r.Contributors}").ToArray());
        Assert.AreSequenceEqual(new[] { "approved=5 by 2", "declined=5 by 2" },
            q.ColumnTotals!.Select(c => $"{c.Column}={c.Sum} by {c.Contributors}").ToArray());
        Assert.AreEqual(10L, q.Total!.Sum);
        Assert.AreEqual(2, q.Total.Contributors);
        Assert.IsNull(q.Mean);
        Assert.IsNull(q.Distribution);
    }

    [TestMethod]
    public void Text_counts_answers_and_never_carries_their_content()
    {
        var view = Compute(OneQuestion("risk.notes", "\"vertrouwelijk: partner X\"", "\"\"", "\"not_applicable\""));
        var q = view.Question("risk.notes");

        Assert.AreEqual("text", q.Type);
        Assert.AreEqual(2, q.Answered); // the empty string is no answer; n/a is not allowed, so it is text
        Assert.AreEqual(0, q.NotApplicable);
        var json = Encoding.UTF8.GetString(SectorViewJson.Serialize(view));
        Assert.DoesNotContain("vertrouwelijk", json);
        Assert.DoesNotContain("partner X", json);
    }

    [TestMethod]
    public void Answers_to_questions_hidden_by_visible_when_are_excluded()
    {
        // policy_maturity is shown only when policy = yes; p2 and p3 left a stale answer after changing policy.
        var view = Compute(
        [
            Participation("p1", """{"governance.policy": "yes", "governance.policy_maturity": 5}"""),
            Participation("p2", """{"governance.policy": "no", "governance.policy_maturity": 0}"""),
            Participation("p3", """{"governance.policy_maturity": 1}"""),
            Participation("p4", """{"governance.policy": "yes", "governance.policy_maturity": 4}"""),
        ]);
        var q = view.Question("governance.policy_maturity");
        Assert.AreEqual(2, q.Answered);
        Assert.AreEqual(4.5m, q.Mean);
        Assert.AreEqual(4m, q.Min);
        Assert.AreEqual(new NormCount(2, 100.0m), q.MeetsNorm);
    }

    [TestMethod]
    public void Theme_scores_average_answered_visible_maturity_questions()
    {
        // governance: maturity (norm 3) and policy_maturity (norm 4, visible when policy = yes); no theme norm,
        // so the theme norm is the highest maturity norm: 4.
        var view = Compute(
        [
            Participation("p1", """{"governance.maturity": 3, "governance.policy": "yes", "governance.policy_maturity": 5}"""), // 4
            Participation("p2", """{"governance.maturity": 2, "governance.policy": "no", "governance.policy_maturity": 5}"""),  // 2 (hidden 5)
            Participation("p3", """{"governance.maturity": "not_applicable", "governance.policy": "yes", "governance.policy_maturity": 3}"""), // 3
            Participation("p4", """{"governance.maturity": "not_applicable", "governance.policy": "not_applicable"}"""), // no score
            Participation("p5", """{"governance.maturity": 4, "governance.policy": "yes", "governance.policy_maturity": 4}"""), // 4
            Participation("p6", """{"governance.maturity": 1, "governance.policy": "yes", "governance.policy_maturity": 2, "risk.maturity": 3}"""), // 1.5
            Participation("p7", """{"risk.maturity": 2}"""),
        ]);

        // scores sorted 1.5 2 3 4 4
        var governance = view.Theme("governance");
        Assert.AreEqual(4m, governance.Norm);
        Assert.AreEqual(5, governance.N);
        Assert.AreEqual(2.9m, governance.Mean);
        Assert.AreEqual(2m, governance.Q1);
        Assert.AreEqual(3m, governance.Median);
        Assert.AreEqual(4m, governance.Q3);
        Assert.AreEqual(new NormCount(2, 40.0m), governance.MeetsNorm);
        Assert.IsFalse(governance.Suppressed);

        // risk declares norm 2.5; only two institutions have a score, fewer than k = 5.
        var risk = view.Theme("risk");
        Assert.AreEqual(2.5m, risk.Norm);
        Assert.AreEqual(2, risk.N);
        Assert.AreEqual(2.5m, risk.Mean);
        Assert.AreEqual(new NormCount(1, 50.0m), risk.MeetsNorm);
        Assert.IsTrue(risk.Suppressed);
        Assert.AreEqual("too_few_answers", risk.Reason);
    }

    [TestMethod]
    public void Theme_score_comparison_with_the_norm_is_exact()
    {
        // 8/3 in decimal is 2.6666666666666666666666666667, rounded UP; as a norm that value is just above the
        // exact score 8/3, which therefore does not meet it (decimal arithmetic would say it does).
        var questionnaire = Definition with
        {
            Themes =
            [
                new Audit.Core.Questionnaires.Theme("t", "T", null,
                [
                    new() { Key = "a", Type = Audit.Core.Questionnaires.QuestionType.Maturity, Text = "a" },
                    new() { Key = "b", Type = Audit.Core.Questionnaires.QuestionType.Maturity, Text = "b" },
                    new() { Key = "c", Type = Audit.Core.Questionnaires.QuestionType.Maturity, Text = "c" },
                ], Norm: 2.6666666666666666666666666667m),
            ],
        };
        var theme = Compute([Participation("p1", """{"a": 3, "b": 3, "c": 2}""")], questionnaire: questionnaire).Theme("t");
        Assert.AreEqual(new NormCount(0, 0.0m), theme.MeetsNorm);
        Assert.AreEqual(2.67m, theme.Mean);
    }

    [TestMethod]
    public void A_theme_mean_on_an_exact_midpoint_rounds_up()
    {
        // Scores 9/4, 23/5, 13/3, 17/6, 5, 11/6 over a theme of six maturity questions: mean exactly 3.475
        // (decimal arithmetic gives 3.4749… and 3.47, see RoundingTests).
        string[] keys = ["m1", "m2", "m3", "m4", "m5", "m6"];
        var questionnaire = Definition with
        {
            Themes =
            [
                new Audit.Core.Questionnaires.Theme("t", "T", null, keys.Select(k => new Audit.Core.Questionnaires.Question
                {
                    Key = k, Type = Audit.Core.Questionnaires.QuestionType.Maturity, Text = k, AllowNotApplicable = true,
                }).ToList()),
            ],
        };
        int[][] levels = [[3, 2, 2, 2], [5, 5, 5, 4, 4], [5, 4, 4], [3, 3, 3, 3, 3, 2], [5, 5, 5], [2, 2, 2, 2, 2, 1]];
        var participations = levels.Select((answered, i) => Participation($"p{i}",
            "{" + string.Join(",", keys.Select((k, q) => $"\"{k}\": " + (q < answered.Length
                ? answered[q].ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "\"not_applicable\""))) + "}"));

        var theme = Compute(participations, questionnaire: questionnaire).Theme("t");
        Assert.AreEqual(6, theme.N);
        Assert.AreEqual(3.48m, theme.Mean);
    }

    [TestMethod]
    public void Response_counts_and_rate_come_from_the_scope()
    {
        var view = Compute([], scope: Scope(new Audit.Core.Statistics.ResponseCounts(14, 0, 1, 0, 13)));
        Assert.AreEqual(new ResponseBlock(14, 0, 1, 0, 13, 92.9m), view.Response);
        Assert.AreEqual(0, view.Included);

        var nobody = Compute([], scope: Scope(new Audit.Core.Statistics.ResponseCounts(0, 0, 0, 0, 0)));
        Assert.IsNull(nobody.Response!.ResponseRate);
    }
}
